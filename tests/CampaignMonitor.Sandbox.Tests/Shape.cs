using System.Text.Json;
using Xunit;

namespace CampaignMonitor.Sandbox.Tests;

/// <summary>Compares the shape of two JSON documents: every property the fixture has, with the same JSON type.</summary>
public static class Shape
{
    public static JsonElement Fixture(string file, string library = "createsend-ruby") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", library, file))).RootElement.Clone();

    public static void AssertMatches(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Null)
            return;
        Assert.True(Kind(expected) == Kind(actual), $"{path}: the fixture has a {Kind(expected)}, the sandbox a {Kind(actual)} ({actual.GetRawText()})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}: the sandbox has no '{property.Name}' (it has {string.Join(", ", actual.EnumerateObject().Select(p => p.Name))})");
                    AssertMatches(property.Value, value, $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array when expected.GetArrayLength() > 0 && actual.GetArrayLength() > 0:
                // Compare the sandbox's richest element with the fixture's first.
                var richest = actual.EnumerateArray().OrderByDescending(e => e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Count() : 0).First();
                AssertMatches(expected[0], richest, path + "[0]");
                break;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
