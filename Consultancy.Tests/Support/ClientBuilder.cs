using Consultancy.Application.Clients;
using Consultancy.Application.Domain;

namespace Consultancy.Tests.Support;

/// <summary>Valid client forms with unique emails; tests change only what they are about.</summary>
public static class ClientBuilder
{
    private static int _next;

    public static CreateClient NewClient(string firstName = "Amara", string lastName = "Okafor", string? consultantId = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new CreateClient
        {
            FirstName = firstName,
            LastName = lastName,
            Email = $"{firstName}.{lastName}.{n}@applicant.test".Replace(" ", "-").ToLowerInvariant(),
            TimeZoneId = "Africa/Lagos",
            MedicalSchool = "University of Lagos College of Medicine",
            MedicalSchoolCountry = "Nigeria",
            GraduationYear = 2022,
            ImgType = ImgType.NonUsImg,
            VisaNeed = VisaNeed.J1,
            TargetSystem = TargetSystem.ErasNrmp,
            Season = "ERAS 2028",
            TargetSpecialties = "Internal Medicine",
            ConsultantId = consultantId,
        };
    }

    public static UpdateClient AsUpdate(this CreateClient form, int id, Guid version) => new()
    {
        Id = id,
        Version = version,
        FirstName = form.FirstName,
        LastName = form.LastName,
        Email = form.Email,
        TimeZoneId = form.TimeZoneId,
        MedicalSchool = form.MedicalSchool,
        MedicalSchoolCountry = form.MedicalSchoolCountry,
        GraduationYear = form.GraduationYear,
        ImgType = form.ImgType,
        VisaNeed = form.VisaNeed,
        TargetSystem = form.TargetSystem,
        Season = form.Season,
        TargetSpecialties = form.TargetSpecialties,
        Tags = form.Tags,
    };
}
