using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Core.Api.Json;

/// <summary>The one set of JSON rules for talking to Campaign Monitor: as tolerant on read as the API is loose.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // The API's own casing is PascalCase, which is what our models declare; reads ignore case
            // because the libraries (and the API itself) are not consistent about it.
            PropertyNameCaseInsensitive = true,
            // Numbers sometimes arrive as strings (tags.json NumberOfCampaigns, FailureDetails Code in net).
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new ApiDateTimeConverter());
        options.Converters.Add(new ApiNullableDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
