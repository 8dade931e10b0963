using CampaignMonitor.Core.Api;
using CampaignMonitor.Core.Api.Errors;
using CampaignMonitor.Core.Api.Models;
using CampaignMonitor.Core.Resolution;
using CampaignMonitor.Core.Settings;

namespace CampaignMonitor.Core.Send;

/// <summary>
/// Gets the destination's list ready: found by name or created with the destination's settings, its custom fields
/// made to match the mapping (created, options added), and the row plan built from the first row's columns.
/// </summary>
internal static class ListPreparation
{
    private static readonly string[] EmailConventions = { "EmailAddress", "Email" };
    private static readonly string[] MobileConventions = { "MobileNumber", "Mobile" };

    /// <summary>The column a plain string row is taken as: the one the template maps to the email address, else EmailAddress.</summary>
    public static string StringRowColumn(SendContext context) =>
        context.Template?.Mapping.FirstOrDefault(m => m.Field == StandardFields.EmailAddress)?.Source ?? StandardFields.EmailAddress;

    /// <summary>
    /// Which input column is the email address, checked before any API call: a send without one stops here.
    /// </summary>
    public static string EmailColumn(SendContext context, IReadOnlyList<string> inputColumns)
    {
        if (context.Template is { } template)
        {
            var mapped = template.Mapping.FirstOrDefault(m => m.Field == StandardFields.EmailAddress)
                ?? throw new SendException(SendErrorKind.NoEmailColumn, $"The data template '{template.Name}' maps no column to EmailAddress. Add one with Set-CMDataTemplate.");
            return Find(inputColumns, mapped.Source)
                ?? throw new SendException(SendErrorKind.NoEmailColumn, $"The input has no column '{mapped.Source}', which the data template '{template.Name}' maps to the email address. Its columns are: {Describe(inputColumns)}.");
        }
        return EmailConventions.Select(c => Find(inputColumns, c)).FirstOrDefault(c => c is not null)
            ?? throw new SendException(SendErrorKind.NoEmailColumn, $"The input has no email column: without a data template it must be called EmailAddress or Email. Its columns are: {Describe(inputColumns)}.");
    }

    private sealed record FoundList(ListDetails Details, List<CustomFieldDefinition> Fields);

    /// <summary>Reads a list's details and custom fields together (one round trip's wait).</summary>
    private static async Task<FoundList> ReadListAsync(CampaignMonitorClient client, string listId, CancellationToken cancellationToken)
    {
        var detailsTask = client.GetListDetailsAsync(listId, cancellationToken);
        var fieldsTask = client.GetCustomFieldsAsync(listId, cancellationToken);
        await Task.WhenAll(detailsTask, fieldsTask).ConfigureAwait(false);
        return new FoundList(detailsTask.Result, fieldsTask.Result);
    }

    /// <summary>
    /// The list the destination is pinned to, read by its ID; a rename in Campaign Monitor is followed (with a
    /// warning until the destination takes the new name), a deletion is an error that says how to choose again.
    /// </summary>
    private static async Task<FoundList?> FindPinnedAsync(CampaignMonitorClient client, SendContext context, List<string> warnings, CancellationToken cancellationToken)
    {
        var destination = context.Destination;
        if (context.Pins.Get(destination.Name, context.Credential.ClientId, client.BaseUri) is not { } pin)
            return null;
        FoundList found;
        try
        {
            found = await ReadListAsync(client, pin.ListId, cancellationToken).ConfigureAwait(false);
        }
        catch (CampaignMonitorApiException ex) when (ex.Kind == ApiErrorKind.UnknownId)
        {
            throw new SendException(SendErrorKind.PinnedListDeleted,
                $"The list '{pin.ListName}' ({pin.ListId}) that the destination '{destination.Name}' sends to no longer exists in Campaign Monitor. "
                + $"Nothing was sent. To send to a list by name again (found, or created when there is none), run: Set-CMDestination -Name '{destination.Name}' -ListName '{destination.ListName}'");
        }
        // Renamed since it was pinned (a list found ignoring case was pinned under its own spelling: no warning for that).
        if (!string.Equals(found.Details.Title, pin.ListName, StringComparison.Ordinal))
        {
            warnings.Add($"The list '{pin.ListName}' of the destination '{destination.Name}' is called '{found.Details.Title}' in Campaign Monitor now; "
                + $"sending to it ({pin.ListId}). To take the new name: Set-CMDestination -Name '{destination.Name}' -ListName '{found.Details.Title}'");
        }
        return found;
    }

    /// <summary>The client's list of that name (by <see cref="ListFinder"/>'s rule), or null; an ambiguous name is an error naming the lists.</summary>
    private static async Task<FoundList?> FindByNameAsync(CampaignMonitorClient client, string clientId, string listName, CancellationToken cancellationToken)
    {
        var lists = await client.GetListsAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (ListFinder.Ambiguous(lists, listName) is { Count: > 0 } ambiguous)
        {
            throw new SendException(SendErrorKind.AmbiguousListName,
                $"No list is called exactly '{listName}', and {ambiguous.Count} differ only in case: {string.Join(", ", ambiguous.Select(l => $"'{l.Name}' ({l.ListID})"))}. "
                + "Nothing was sent. Name one of them exactly with Set-CMDestination -ListName.");
        }
        return ListFinder.Find(lists, listName) is { } match ? await ReadListAsync(client, match.ListID, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Finds the destination's list — the pinned one by its ID, else by name (exact, else the one case-insensitive
    /// match) — or creates it (found after all when another send created it meanwhile: code 250), makes the mapped
    /// custom fields ready and builds the row plan. A real send pins the list it used.
    /// </summary>
    public static async Task<PreparedList> PrepareAsync(CampaignMonitorClient client, SendContext context, IReadOnlyList<string> inputColumns, bool apply, CancellationToken cancellationToken)
    {
        var emailColumn = EmailColumn(context, inputColumns);
        var destination = context.Destination;
        var clientId = context.Credential.ClientId;
        var warnings = new List<string>();
        var found = await FindPinnedAsync(client, context, warnings, cancellationToken).ConfigureAwait(false)
            ?? await FindByNameAsync(client, clientId, destination.ListName, cancellationToken).ConfigureAwait(false);
        string? listId = found?.Details.ListID;
        var fields = new List<CustomFieldDefinition>();
        if (found is not null)
        {
            warnings.AddRange(SettingDifferences(destination, found.Details));
            fields = found.Fields;
        }
        else if (apply)
        {
            try
            {
                listId = await client.CreateListAsync(clientId, new CreateListRequest
                {
                    Title = destination.ListName,
                    UnsubscribeSetting = destination.UnsubscribeSetting,
                    UnsubscribePage = destination.UnsubscribeUrl ?? "",
                    ConfirmedOptIn = destination.ConfirmedOptIn,
                    ConfirmationSuccessPage = destination.ConfirmationUrl ?? "",
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignMonitorApiException ex) when (ex.Code == 250)
            {
                // The title exists: another send created the list meanwhile (or our first attempt did, its answer lost).
                found = await FindByNameAsync(client, clientId, destination.ListName, cancellationToken).ConfigureAwait(false);
                if (found is null)
                    throw;
                listId = found.Details.ListID;
                fields = found.Fields;
            }
        }
        if (apply && listId is not null)
            context.Pins.Save(destination.Name, new ListPin(listId, found?.Details.Title ?? destination.ListName, clientId, client.BaseUri.AbsoluteUri));

        var prepared = new PreparedList(found?.Details.Title ?? destination.ListName, listId, ListCreated: found is null);
        prepared.Warnings.AddRange(warnings);
        var columns = new List<ColumnTarget> { new(emailColumn, TargetKind.EmailAddress) };
        if (context.Template is { } template)
        {
            foreach (var mapping in template.Mapping.Where(m => m.Field != StandardFields.EmailAddress))
            {
                // Every field the template maps is made ready, whether or not this input has its column.
                var rule = mapping.IsStandard ? null : await EnsureFieldAsync(client, listId, template, mapping, fields, prepared, apply, cancellationToken).ConfigureAwait(false);
                var source = Find(inputColumns, mapping.Source);
                if (source is null)
                    prepared.MissingColumns.Add(mapping.Source);
                else
                    columns.Add(new ColumnTarget(source, rule is null ? Enum.Parse<TargetKind>(mapping.Field) : TargetKind.CustomField, rule));
            }
            if (prepared.MissingColumns.Count > 0)
            {
                prepared.Warnings.Add($"The input has no column{(prepared.MissingColumns.Count > 1 ? "s" : "")} {string.Join(", ", prepared.MissingColumns.Select(m => $"'{m}'"))} "
                    + $"(mapped by the data template '{template.Name}'): {(prepared.MissingColumns.Count > 1 ? "those fields are" : "that field is")} not sent.");
            }
        }
        else
        {
            AddConventionColumns(inputColumns, columns, fields);
            prepared.Notes.Add(ConventionNote(inputColumns, columns));
        }
        prepared.Plan = new RowPlan(inputColumns, columns, context.Template?.ConsentToTrack ?? ConsentValues.Unchanged);
        return prepared;
    }

    /// <summary>Without a template: the standard names, then any column named like one of the list's custom fields.</summary>
    private static void AddConventionColumns(IReadOnlyList<string> inputColumns, List<ColumnTarget> columns, List<CustomFieldDefinition> fields)
    {
        var used = new HashSet<string>(columns.Select(c => c.Source), StringComparer.OrdinalIgnoreCase);
        void Add(string? source, TargetKind kind, FieldRule? rule = null)
        {
            if (source is not null && used.Add(source))
                columns.Add(new ColumnTarget(source, kind, rule));
        }
        if (Find(inputColumns, "Name") is { } name)
        {
            Add(name, TargetKind.Name);
        }
        else
        {
            Add(Find(inputColumns, "FirstName"), TargetKind.FirstName);
            Add(Find(inputColumns, "LastName"), TargetKind.LastName);
        }
        Add(MobileConventions.Select(c => Find(inputColumns, c)).FirstOrDefault(c => c is not null), TargetKind.MobileNumber);
        Add(Find(inputColumns, "ConsentToTrack"), TargetKind.ConsentToTrack);
        Add(Find(inputColumns, "ConsentToSendSms"), TargetKind.ConsentToSendSms);
        foreach (var column in inputColumns)
        {
            if (used.Contains(column) || EmailConventions.Contains(column, StringComparer.OrdinalIgnoreCase))
                continue;
            var field = fields.FirstOrDefault(f => SameField(f.FieldName, column) || SameField(f.Key, column));
            if (field is not null)
                Add(column, TargetKind.CustomField, new FieldRule(field.FieldName, field.Key, field.DataType, field.FieldOptions, null, null, false));
        }
    }

    /// <summary>Without a template, says which input columns feed which field, and which are not sent.</summary>
    private static string ConventionNote(IReadOnlyList<string> inputColumns, List<ColumnTarget> columns)
    {
        var mapped = columns.Select(c => $"{c.Source} -> {(c.Rule is { } rule ? $"custom field '{rule.FieldName}'" : c.Kind.ToString())}");
        var ignored = inputColumns.Where(i => !columns.Any(c => string.Equals(c.Source, i, StringComparison.OrdinalIgnoreCase))).ToList();
        return $"Without a data template, columns are matched by name: {string.Join(", ", mapped)}. "
            + (ignored.Count == 0 ? "Every input column is used." : $"Not sent (no field of that name): {string.Join(", ", ignored)}.");
    }

    private static async Task<FieldRule> EnsureFieldAsync(CampaignMonitorClient client, string? listId, DataTemplateRecord template, FieldMapping mapping,
        List<CustomFieldDefinition> fields, PreparedList prepared, bool apply, CancellationToken cancellationToken)
    {
        var field = fields.FirstOrDefault(f => SameField(f.FieldName, mapping.Field));
        if (field is not null)
        {
            if (mapping.Type is not null && !string.Equals(mapping.Type, field.DataType, StringComparison.OrdinalIgnoreCase))
            {
                throw new SendException(SendErrorKind.FieldTypeConflict,
                    $"The custom field '{field.FieldName}' exists as {field.DataType}, but the data template '{template.Name}' maps '{mapping.Source}' to it as {mapping.Type}. Change the template's Type, or the field in Campaign Monitor.");
            }
            var options = field.FieldOptions.ToList();
            var missing = (mapping.Options ?? new List<string>()).Where(o => !options.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 && CustomFieldTypes.IsMultiSelect(field.DataType))
            {
                if (apply)
                {
                    await client.UpdateCustomFieldOptionsAsync(listId!, field.Key, new UpdateCustomFieldOptionsRequest { Options = missing, KeepExistingOptions = true }, cancellationToken).ConfigureAwait(false);
                }
                options.AddRange(missing);
                prepared.OptionsAdded.AddRange(missing.Select(o => $"{field.FieldName}: {o}"));
            }
            return new FieldRule(field.FieldName, field.Key, field.DataType, options, mapping.Separator, mapping.Format, mapping.ClearWhenEmpty, CultureOf(template, mapping));
        }
        var type = mapping.Type ?? CustomFieldTypes.Text;
        var key = "[" + mapping.Field.Replace(" ", "", StringComparison.Ordinal) + "]";
        if (apply)
        {
            try
            {
                key = await client.CreateCustomFieldAsync(listId!, new CreateCustomFieldRequest
                {
                    FieldName = mapping.Field,
                    DataType = type,
                    Options = CustomFieldTypes.IsMultiSelect(type) ? mapping.Options : null,
                    VisibleInPreferenceCenter = true,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignMonitorApiException ex) when (ex.Code == 255)
            {
                // The field exists: another send created it meanwhile (or our first attempt did, its answer lost).
                var now = await client.GetCustomFieldsAsync(listId!, cancellationToken).ConfigureAwait(false);
                if (now.FirstOrDefault(f => SameField(f.FieldName, mapping.Field)) is not { } other)
                    throw;
                fields.Add(other);
                return await EnsureFieldAsync(client, listId, template, mapping, fields, prepared, apply, cancellationToken).ConfigureAwait(false);
            }
        }
        var created = new CustomFieldDefinition { FieldName = mapping.Field, Key = key, DataType = type, FieldOptions = mapping.Options?.ToList() ?? new() };
        fields.Add(created);
        prepared.FieldsCreated.Add($"{mapping.Field} ({type})");
        return new FieldRule(created.FieldName, key, type, created.FieldOptions, mapping.Separator, mapping.Format, mapping.ClearWhenEmpty, CultureOf(template, mapping));
    }

    /// <summary>The field's own Culture, else the template's for a field without a Format; null: invariant.</summary>
    private static System.Globalization.CultureInfo? CultureOf(DataTemplateRecord template, FieldMapping mapping) =>
        (mapping.Culture ?? (mapping.Format is null ? template.Culture : null)) is { } name ? System.Globalization.CultureInfo.GetCultureInfo(name) : null;

    private static IEnumerable<string> SettingDifferences(DestinationRecord destination, ListDetails details)
    {
        if (!string.Equals(details.UnsubscribeSetting, destination.UnsubscribeSetting, StringComparison.OrdinalIgnoreCase))
            yield return Difference(destination, "UnsubscribeSetting", details.UnsubscribeSetting, destination.UnsubscribeSetting);
        if (details.ConfirmedOptIn != destination.ConfirmedOptIn)
            yield return Difference(destination, "ConfirmedOptIn", details.ConfirmedOptIn.ToString(), destination.ConfirmedOptIn.ToString());
        if (!SameUrl(details.UnsubscribePage, destination.UnsubscribeUrl))
            yield return Difference(destination, "unsubscribe page", details.UnsubscribePage, destination.UnsubscribeUrl);
        if (!SameUrl(details.ConfirmationSuccessPage, destination.ConfirmationUrl))
            yield return Difference(destination, "confirmation page", details.ConfirmationSuccessPage, destination.ConfirmationUrl);
    }

    private static string Difference(DestinationRecord destination, string what, string? list, string? wanted) =>
        $"The list '{destination.ListName}' exists with {what} '{Blank(list)}', but the destination '{destination.Name}' says '{Blank(wanted)}'. The list is left as it is.";

    private static string Blank(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;

    private static bool SameUrl(string? a, string? b) =>
        string.Equals((a ?? "").TrimEnd('/'), (b ?? "").TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Field names compare as the API makes keys: case and spaces ignored, brackets dropped.</summary>
    private static bool SameField(string a, string b) => Squash(a) == Squash(b);

    private static string Squash(string name) => name.Trim().Trim('[', ']').Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string? Find(IReadOnlyList<string> columns, string wanted) =>
        columns.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.Ordinal))
        ?? columns.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase));

    private static string Describe(IReadOnlyList<string> columns) =>
        columns.Count == 0 ? "(none)" : string.Join(", ", columns.Take(20).Select(c => $"'{c}'")) + (columns.Count > 20 ? ", ..." : "");
}
