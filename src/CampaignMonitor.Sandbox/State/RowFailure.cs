using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignMonitor.Sandbox.State;

/// <summary>Why a row was not added: the API's per-row code and message.</summary>
internal sealed record RowFailure(string EmailAddress, int Code, string Message);
