using System.Text.Json;
using CampaignMonitor.Sandbox.State;

namespace CampaignMonitor.Sandbox.Endpoints;

/// <summary>Custom fields: list, create (with the API's type and option rules), add options.</summary>
internal static class CustomFieldEndpoints
{
    public static readonly string[] DataTypes = { "Text", "Number", "MultiSelectOne", "MultiSelectMany", "Date", "Country", "USState" };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/lists/{listId}/customfields.json", (string listId, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            lock (list)
            {
                return ApiResults.Ok(list.Fields.Select(f => new
                {
                    FieldName = f.Name, f.Key, DataType = f.DataType, FieldOptions = f.Options.ToList(), f.VisibleInPreferenceCenter,
                }).ToList());
            }
        });

        api.MapPost("/lists/{listId}/customfields.json", (string listId, HttpContext context, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            using var body = RequestJson.Parse(context);
            if (body is null)
                return ApiResults.BadBody("customfield");
            var root = body.RootElement;
            var name = root.String("FieldName")?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Contains('[') || name.Contains(']'))
                return ApiResults.Error(254, "Invalid Field Name");
            var type = DataTypes.FirstOrDefault(t => string.Equals(t, root.String("DataType"), StringComparison.OrdinalIgnoreCase));
            if (type is null)
                return ApiResults.Error(259, "Invalid Field Type");
            var options = ReadOptions(root, "Options");
            var multi = type is "MultiSelectOne" or "MultiSelectMany";
            if (!multi && options.Count > 0)
                return ApiResults.Error(256, "Field Options Not Allowed For This Field Type");
            if (multi && options.Count == 0)
                return ApiResults.Error(257, "Field Options Required For This Field Type");
            bool visible;
            try { visible = root.Bool("VisibleInPreferenceCenter") ?? true; }
            catch (FormatException) { return ApiResults.BadBody("VisibleInPreferenceCenter"); }
            lock (list)
            {
                var key = Keys.ForName(name);
                if (list.FindField(name) is not null || list.FindField(key) is not null)
                    return ApiResults.Error(255, "Field Name Already Exists");
                var field = new CustomField { Name = name, Key = key, DataType = type, VisibleInPreferenceCenter = visible, Ordinal = list.Fields.Count };
                field.Options.AddRange(options.Distinct(StringComparer.OrdinalIgnoreCase));
                list.Fields.Add(field);
                list.Version++;
                return ApiResults.Created(key);
            }
        });

        api.MapPut("/lists/{listId}/customfields/{key}/options.json", (string listId, string key, HttpContext context, SandboxState state) =>
        {
            var list = state.FindList(listId);
            if (list is null)
                return ApiResults.UnknownList();
            using var body = RequestJson.Parse(context);
            if (body is null)
                return ApiResults.BadBody("options");
            var key2 = Uri.UnescapeDataString(key);
            if (!key2.StartsWith('[') || !key2.EndsWith(']'))
                return ApiResults.Error(253, "Invalid Key. Keys must be surrounded with [ ]");
            lock (list)
            {
                var field = list.Fields.FirstOrDefault(f => Keys.Normalize(f.Key) == Keys.Normalize(key2));
                if (field is null)
                    return ApiResults.Error(253, "Invalid Key");
                if (field.DataType is not ("MultiSelectOne" or "MultiSelectMany"))
                    return ApiResults.Error(256, "Field Options Not Allowed For This Field Type");
                var options = ReadOptions(body.RootElement, "Options");
                bool keep;
                try { keep = body.RootElement.Bool("KeepExistingOptions") ?? false; }
                catch (FormatException) { return ApiResults.BadBody("KeepExistingOptions"); }
                if (!keep)
                    field.Options.Clear();
                foreach (var option in options)
                {
                    if (field.MatchOption(option) is null)
                        field.Options.Add(option);
                }
                list.Version++;
            }
            return Results.Ok();
        });
    }

    private static List<string> ReadOptions(JsonElement root, string name)
    {
        var options = new List<string>();
        if (root.TryGet(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (RequestJson.Text(item) is { Length: > 0 } text)
                    options.Add(text);
            }
        }
        return options;
    }
}
