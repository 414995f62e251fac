namespace Consultancy.Application.Domain;

/// <summary>One stretch of US or Canadian clinical experience (USCE), e.g. a 2-month hands-on elective in Chicago.</summary>
public sealed class ClinicalExperience : IAudited
{
    public int Id { get; private set; }
    public int ClientId { get; private set; }
    int? IClientOwned.ClientId => ClientId;
    public Client? Client { get; private set; }
    public ClinicalExperienceKind Kind { get; set; }
    /// <summary>Hospital or department and city, e.g. "Mercy Hospital, Chicago IL".</summary>
    public string Place { get; set; } = "";
    public int Months { get; set; }

    /// <summary>Hands-on electives and externships: patient care, which programs value above observing.</summary>
    public static readonly ClinicalExperienceKind[] HandsOnKinds = [ClinicalExperienceKind.HandsOn, ClinicalExperienceKind.Externship];

    public static bool IsHandsOn(ClinicalExperienceKind kind) => HandsOnKinds.Contains(kind);

    private ClinicalExperience() { }

    public ClinicalExperience(ClinicalExperienceKind kind, string place, int months)
    {
        Kind = kind;
        Place = place;
        Months = months;
    }

    /// <summary>The place says where the applicant trained, which can identify them: it goes; kind and months stay for the counts.</summary>
    public AfterErasure ErasePersonalData(ClientErasure erasure)
    {
        Place = "";
        return AfterErasure.Keep;
    }

    public void DescribeForTimeline(AuditAction action, List<AuditFieldChange> changes)
    {
        if (action != AuditAction.Updated)
            changes.AddRange([AuditFieldChange.Of(nameof(Kind), Kind), AuditFieldChange.Of(nameof(Place), Place), AuditFieldChange.Of(nameof(Months), Months)]);
    }
}
