using System.Globalization;

namespace Consultancy.Application.Domain;

public enum LetterRule
{
    TooFewForEras,
    TooFewForCarms,
    NoUsCanadianPhysician,
    TooFewForSpecialty,
    TooManyForOneProgram,
    NotUploadedInTime,
}

/// <summary>What the rules need to know about one letter.</summary>
public sealed record LetterFacts(string RefereeName, LetterSystem System, string Specialty, LetterStatus Status,
    bool IsUsCanadianPhysician, string? ProgramAssignment, DateOnly DueDate);

/// <summary>A client's plan as the rules see it: target system, IMG or not, target specialties, the season's key date, today.</summary>
public sealed record LetterPlan(TargetSystem TargetSystem, ImgType ImgType, string? TargetSpecialties, DateOnly Today,
    DateOnly? ProgramsReceiveApplications, IReadOnlyList<LetterFacts> Letters);

public sealed record LetterWarning(LetterRule Rule, string Message);

/// <summary>
/// The letter rules that matter for residency applications, as warnings (never blocks): ERAS and CaRMS
/// programs commonly ask for 3 letters; IMGs applying through ERAS should have one from a US or Canadian
/// physician; each target specialty needs its own 3 (a "General" letter supports every specialty); ERAS lets
/// a program receive at most 4; and letters should be uploaded 14 days before programs receive applications.
/// Declined and cancelled letters do not count.
/// </summary>
public static class LetterRules
{
    public const int CommonlyRequired = 3;
    public const int ErasMaximumPerProgram = 4;
    public const int UploadDaysBeforeProgramsReceive = 14;
    public const string GeneralSpecialty = "General";

    public static IReadOnlyList<LetterWarning> Evaluate(LetterPlan plan)
    {
        var warnings = new List<LetterWarning>();
        var counting = plan.Letters.Where(l => l.Status is not (LetterStatus.Declined or LetterStatus.Cancelled)).ToList();
        var eras = counting.Where(l => l.System == LetterSystem.ERAS).ToList();
        var carms = counting.Where(l => l.System == LetterSystem.CaRMS).ToList();
        var targetsEras = plan.TargetSystem is TargetSystem.ErasNrmp or TargetSystem.Both;
        var targetsCarms = plan.TargetSystem is TargetSystem.CaRMS or TargetSystem.Both;

        if (targetsEras && eras.Count < CommonlyRequired)
            warnings.Add(new(LetterRule.TooFewForEras,
                $"{Letters(eras.Count)} planned for ERAS; programs commonly ask for {CommonlyRequired} (at most {ErasMaximumPerProgram} per program)."));
        if (targetsCarms && carms.Count < CommonlyRequired)
            warnings.Add(new(LetterRule.TooFewForCarms, $"{Letters(carms.Count)} planned for CaRMS; programs commonly ask for {CommonlyRequired} reference letters."));
        if (targetsEras && plan.ImgType != ImgType.Domestic && !eras.Any(l => l.IsUsCanadianPhysician))
            warnings.Add(new(LetterRule.NoUsCanadianPhysician,
                "No ERAS letter from a US or Canadian physician; programs commonly expect at least one from an IMG."));

        foreach (var specialty in Specialties(plan.TargetSpecialties))
        {
            var supporting = counting.Count(l => Same(l.Specialty, specialty) || Same(l.Specialty, GeneralSpecialty));
            if (supporting < CommonlyRequired)
                warnings.Add(new(LetterRule.TooFewForSpecialty,
                    $"{Letters(supporting)} {(supporting == 1 ? "supports" : "support")} {specialty}; plan at least {CommonlyRequired}."));
        }

        foreach (var group in eras.Where(l => !string.IsNullOrWhiteSpace(l.ProgramAssignment))
                     .GroupBy(l => l.ProgramAssignment!.Trim(), StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > ErasMaximumPerProgram))
            warnings.Add(new(LetterRule.TooManyForOneProgram,
                $"{group.Count()} letters are assigned to “{group.Key}”; ERAS lets a program receive at most {ErasMaximumPerProgram}."));

        if (targetsEras && plan.ProgramsReceiveApplications is { } receive)
        {
            var cutoff = receive.AddDays(-UploadDaysBeforeProgramsReceive);
            var late = eras.Where(l => l.Status != LetterStatus.Uploaded && (plan.Today >= cutoff || l.DueDate > cutoff)).ToList();
            if (late.Count > 0)
                warnings.Add(new(LetterRule.NotUploadedInTime,
                    $"Not uploaded by {Format(cutoff)}, {UploadDaysBeforeProgramsReceive} days before programs receive applications ({Format(receive)}): "
                    + string.Join(", ", late.Select(l => l.RefereeName)) + "."));
        }
        return warnings;
    }

    public static IReadOnlyList<string> Specialties(string? targetSpecialties) =>
        (targetSpecialties ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Letters(int count) => count switch
    {
        0 => "No letters",
        1 => "Only 1 letter",
        _ => $"Only {count} letters",
    };

    private static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
