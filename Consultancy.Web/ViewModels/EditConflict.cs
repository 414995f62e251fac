using Consultancy.Application.Clients;

namespace Consultancy.Web.ViewModels;

/// <summary>The user's unsaved edit beside the version someone else saved meanwhile.</summary>
public sealed record EditConflict(UpdateClient Mine, UpdateClient Saved)
{
    public IEnumerable<(string Field, string? Mine, string? Saved)> KeyFields()
    {
        yield return ("First name", Mine.FirstName, Saved.FirstName);
        yield return ("Last name", Mine.LastName, Saved.LastName);
        yield return ("Email", Mine.Email, Saved.Email);
        yield return ("Phone", Mine.Phone, Saved.Phone);
        yield return ("Time zone", Mine.TimeZoneId, Saved.TimeZoneId);
        yield return ("Target system", Mine.TargetSystem.ToString(), Saved.TargetSystem.ToString());
        yield return ("Season", Mine.Season, Saved.Season);
        yield return ("Target specialties", Mine.TargetSpecialties, Saved.TargetSpecialties);
        yield return ("Step 2 CK score", Mine.Step2CkScore?.ToString(), Saved.Step2CkScore?.ToString());
        yield return ("ECFMG certification", Mine.EcfmgStatus.ToString(), Saved.EcfmgStatus.ToString());
        yield return ("Tags", Mine.Tags, Saved.Tags);
    }
}
