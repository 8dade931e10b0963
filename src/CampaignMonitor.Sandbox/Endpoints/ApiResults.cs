using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>The API's answers: JSON in its own PascalCase names, errors as <c>{Code, Message}</c>.</summary>
internal static class ApiResults
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // UTF-8 as the real API writes it ("Chloé", not "Chlo\u00E9").
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value) => Results.Json(value, Json, statusCode: StatusCodes.Status200OK);

    public static IResult Created(object value) => Results.Json(value, Json, statusCode: StatusCodes.Status201Created);

    public static IResult Error(int code, string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new ErrorBody(code, message), Json, statusCode: status);

    public static IResult ErrorWithData(int code, string message, object resultData) =>
        Results.Json(new ErrorWithDataBody(resultData, code, message), Json, statusCode: StatusCodes.Status400BadRequest);

    public static IResult BadBody(string field) =>
        Error(400, $"Failed to deserialize your request. Please check the documentation and try again. Fields in error: {field}");

    public static IResult UnknownList() => Error(101, "Invalid ListID");

    public static IResult UnknownClient() => Error(102, "Invalid ClientID");

    public static IResult UnknownCampaign() => Error(301, "Invalid CampaignID");

    private sealed record ErrorBody(int Code, string Message);

    private sealed record ErrorWithDataBody(object ResultData, int Code, string Message);
}
