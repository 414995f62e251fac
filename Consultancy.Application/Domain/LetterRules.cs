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
    TooFewForProgram,
}

/// <summary>What the rules need to know about one letter.</summary>
public sealed record LetterFacts(string RefereeName, LetterSystem System, string Specialty, LetterStatus Status,
    bool IsUsCanadianPhysician, DateOnly DueDate);

/// <summary>
/// What the per-program rules need to know about one application: its program's system and name, its status, and how
/// many of the letters assigned to it count (declined and cancelled ones do not).
/// </summary>
public sealed record ApplicationLetters(ProgramSystem System, string ProgramName, ApplicationStatus Status, int LettersAssigned);

/// <summary>
/// A client's plan as the rules see it: target system, IMG or not, target specialties, the season's key date, today, the
/// letters, and the applications of the season with the letters assigned to each.
/// </summary>
public sealed record LetterPlan(TargetSystem TargetSystem, ImgType ImgType, string? TargetSpecialties, DateOnly Today,
    DateOnly? ProgramsReceiveApplications, IReadOnlyList<LetterFacts> Letters, IReadOnlyList<ApplicationLetters> Applications);

public sealed record LetterWarning(LetterRule Rule, string Message);

/// <summary>
/// The letter rules that matter for residency applications, as warnings (never blocks): ERAS and CaRMS
/// programs commonly ask for 3 letters; IMGs applying through ERAS should have one from a US or Canadian
/// physician; each target specialty needs its own 3 (a "General" letter supports every specialty); ERAS lets
/// a program receive at most 4, and an application sent needs 3 assigned to it; and letters should be uploaded 14
/// days before programs receive applications. Declined and cancelled letters do not count.
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

        warnings.AddRange(ForPrograms(plan.Applications));

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

    /// <summary>
    /// The per-program rules, on the applications still in the running (not withdrawn or rejected): an ERAS program with
    /// more than <see cref="ErasMaximumPerProgram"/> letters assigned, and an application sent (past researching) with
    /// fewer than <see cref="CommonlyRequired"/>. The client page and the applications page both show these.
    /// </summary>
    public static IReadOnlyList<LetterWarning> ForPrograms(IEnumerable<ApplicationLetters> applications)
    {
        var warnings = new List<LetterWarning>();
        var running = applications.Where(a => a.Status is not (ApplicationStatus.Withdrawn or ApplicationStatus.Rejected)).ToList();
        var tooMany = running.Where(a => a.System == ProgramSystem.ErasNrmp && a.LettersAssigned > ErasMaximumPerProgram)
            .Select(a => a.ProgramName).ToList();
        if (tooMany.Count > 0)
            warnings.Add(new(LetterRule.TooManyForOneProgram,
                $"More than {ErasMaximumPerProgram} letters assigned to {NameList(tooMany)}; ERAS lets a program receive at most {ErasMaximumPerProgram}."));
        var tooFew = running.Where(a => a.Status != ApplicationStatus.Researching && a.LettersAssigned < CommonlyRequired)
            .Select(a => a.ProgramName).ToList();
        if (tooFew.Count > 0)
            warnings.Add(new(LetterRule.TooFewForProgram,
                $"{tooFew.Count} application{(tooFew.Count == 1 ? " has" : "s have")} fewer than {CommonlyRequired} letters assigned: {NameList(tooFew)}."));
        return warnings;
    }

    /// <summary>Program names for a message: the first five, then how many more.</summary>
    public static string NameList(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");

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
