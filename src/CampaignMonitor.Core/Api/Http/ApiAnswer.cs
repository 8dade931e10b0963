using CampaignMonitor.Core.Api.Errors;

namespace CampaignMonitor.Core.Api.Http;

/// <summary>An answer the caller takes as a result: a 2xx body, or an accepted error (<see cref="Error"/> set, read once).</summary>
internal readonly record struct ApiAnswer(string Body, ApiErrorBody? Error);
