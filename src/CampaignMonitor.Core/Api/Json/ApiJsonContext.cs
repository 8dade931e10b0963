using System.Text.Json.Serialization;
using CampaignMonitor.Core.Api.Models;

namespace CampaignMonitor.Core.Api.Json;

/// <summary>
/// Compile-time serializers for the hot path: an import body is written 1000 rows at a time, and reflection-based
/// serialization was a measurable share of a send's CPU (see bench/results.md).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImportSubscribersRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
