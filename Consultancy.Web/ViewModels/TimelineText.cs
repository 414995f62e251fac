using System.Text.RegularExpressions;
using Consultancy.Application.Clients;
using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;

namespace Consultancy.Web.ViewModels;

/// <summary>Words for the activity timeline's audit entries.</summary>
public static partial class TimelineText
{
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(Client.ConsultantId)] = "Consultant",
        [nameof(Client.TimeZoneId)] = "Time zone",
        [nameof(Client.Step1Result)] = "USMLE Step 1",
        [nameof(Client.Step2CkScore)] = "Step 2 CK score",
        [nameof(Client.Step2CkDate)] = "Step 2 CK date",
        [nameof(Client.Mccqe1Result)] = "MCCQE Part I",
        [nameof(Client.NacOsceResult)] = "NAC OSCE",
        [nameof(Client.EcfmgStatus)] = "ECFMG certification",
        [nameof(Client.ImgType)] = "IMG type",
        [nameof(Client.Step1Attempts)] = "Step 1 attempts",
        [nameof(Client.Step2CkAttempts)] = "Step 2 CK attempts",
        [nameof(Client.Step3Result)] = "USMLE Step 3",
        [nameof(Client.Mccqe1Attempts)] = "MCCQE Part I attempts",
        [nameof(Client.OetResult)] = "OET Medicine",
        [nameof(Client.OetDate)] = "OET date",
        [nameof(ClinicalExperience.Kind)] = "Kind",
        [nameof(ProgramApplication.Signal)] = "Program signal",
        [nameof(ProgramApplication.AppliedOn)] = "Applied on",
        [nameof(ProgramApplication.InvitedOn)] = "Invited on",
        [nameof(ProgramApplication.InterviewAtUtc)] = "Interview (UTC)",
        [nameof(ProgramApplication.RedFlags)] = "Red flags",
        [nameof(RankOrderList.CertifiedRevision)] = "Certified version",
    };

    /// <summary>The audited record types by the name their entries carry, to read their enum fields.</summary>
    private static readonly Dictionary<string, Type> AuditedTypes = typeof(IAudited).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IAudited).IsAssignableFrom(t)).ToDictionary(t => t.Name);

    public static string Headline(TimelineItem item) => (item.EntityType, item.Action) switch
    {
        (nameof(Client), AuditAction.Created) => "Client created",
        (nameof(Client), AuditAction.Updated) when item.Changes.Any(c => c.Field == nameof(Client.ErasedAt)) => "Personal data erased",
        (nameof(Client), AuditAction.Updated) => "Profile changed",
        (nameof(ClientNote), AuditAction.Created) => "Note added",
        (nameof(ClinicalExperience), AuditAction.Created) => "Clinical experience added",
        (nameof(ClinicalExperience), AuditAction.Deleted) => "Clinical experience removed",
        (nameof(ProgramApplication), AuditAction.Created) => "Application added",
        (nameof(ProgramApplication), AuditAction.Updated) => "Application changed",
        (nameof(ProgramApplication), AuditAction.Deleted) => "Application removed",
        (nameof(RankListRevision), AuditAction.Created) => "Rank order list changed",
        (nameof(RankOrderList), AuditAction.Updated) when item.Changes.Any(c => c.Field == nameof(RankOrderList.CertifiedAt)) => "Rank order list certified",
        (var type, var action) => $"{Field(type)} {action.ToString().ToLowerInvariant()}",
    };

    /// <summary>The changes listed under the headline; the erasure's own time is the entry's time.</summary>
    public static IEnumerable<AuditFieldChange> Listed(TimelineItem item) => item.Changes.Where(c => c.Field != nameof(Client.ErasedAt));

    /// <summary>An audited value as the forms show it: enum values by their display names.</summary>
    public static string Value(TimelineItem item, string field, string? value)
    {
        if (value is null) return "—";
        var type = AuditedTypes.GetValueOrDefault(item.EntityType)?.GetProperty(field)?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is { IsEnum: true } && Enum.TryParse(type, value, out var parsed) ? ((Enum)parsed!).DisplayName() : value;
    }

    public static string Field(string name) =>
        FieldNames.TryGetValue(name, out var known) ? known : Words().Replace(name, " $1").Trim() is var spaced
            ? char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant() : name;

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
