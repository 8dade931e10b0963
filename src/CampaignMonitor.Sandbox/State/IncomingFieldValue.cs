using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignMonitor.Sandbox.State;

internal sealed record IncomingFieldValue(string Key, string? Value, bool Clear);
