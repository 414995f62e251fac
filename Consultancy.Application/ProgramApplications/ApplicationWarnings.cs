using Consultancy.Application.Domain;

namespace Consultancy.Application.ProgramApplications;

/// <summary>What the applications page warns about for a season (never blocks): signals, letters per program, fit.</summary>
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

        var submitted = active.Where(a => a.Status != ApplicationStatus.Researching).ToList();
        var tooMany = submitted.Where(a => a.System == ProgramSystem.ErasNrmp && a.LettersAssigned > LetterRules.ErasMaximumPerProgram).ToList();
        if (tooMany.Count > 0)
            warnings.Add($"More than {LetterRules.ErasMaximumPerProgram} letters assigned to {Names(tooMany)}; ERAS lets a program receive at most {LetterRules.ErasMaximumPerProgram}.");
        var tooFew = submitted.Where(a => a.LettersAssigned < LetterRules.CommonlyRequired).ToList();
        if (tooFew.Count > 0)
            warnings.Add($"{Count(tooFew.Count, "application")} {(tooFew.Count == 1 ? "has" : "have")} fewer than {LetterRules.CommonlyRequired} letters assigned: {Names(tooFew)}.");

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

    private static string Names(IReadOnlyList<ApplicationRow> rows) =>
        string.Join(", ", rows.Take(5).Select(r => r.ProgramName)) + (rows.Count > 5 ? $" and {rows.Count - 5} more" : "");

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
