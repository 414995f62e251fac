using Consultancy.Application.Domain;

namespace Consultancy.Application.ProgramApplications;

/// <summary>
/// What the applications page warns about for a season (never blocks): signals, letters per program (the letter rules' own
/// per-program checks, worded as on the client page), fit.
/// </summary>
public static class ApplicationWarnings
{
    public static IReadOnlyList<string> For(ApplicantSeason applicant, IReadOnlyList<ApplicationRow> applications)
    {
        var warnings = new List<string>();
        var active = applications.Where(a => a.Status is not (ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)).ToList();

        foreach (var limit in applicant.Season?.SignalLimits ?? [])
            foreach (var signal in new[] { ProgramSignal.Signal, ProgramSignal.Gold, ProgramSignal.Silver })
            {
                if (limit.For(signal) is not { } allowed) continue;
                var used = active.Count(a => a.Signal == signal && string.Equals(a.Specialty, limit.Specialty, StringComparison.OrdinalIgnoreCase));
                if (used > allowed)
                    warnings.Add($"{used} {SignalWord(signal, used)} for {limit.Specialty}; {applicant.SeasonName} allows {allowed}.");
            }

        warnings.AddRange(LetterRules.ForPrograms(applications.Select(a => new ApplicationLetters(a.System, a.ProgramName, a.Status, a.LettersAssigned)))
            .Select(w => w.Message));

        var failing = active.Count(a => a.Fit.Overall == FitResult.NotMet);
        if (failing > 0)
            warnings.Add($"{Count(failing, "program")} applied to or planned {(failing == 1 ? "fails" : "fail")} a requirement the client does not meet (see the red badges).");
        return warnings;
    }

    private static string SignalWord(ProgramSignal signal, int count) => signal switch
    {
        ProgramSignal.Gold => count == 1 ? "gold signal" : "gold signals",
        ProgramSignal.Silver => count == 1 ? "silver signal" : "silver signals",
        _ => count == 1 ? "program signal" : "program signals",
    };

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
