using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;

namespace Consultancy.Application.RankLists;

/// <summary>What the rank order list warns about, never blocks: requirements not met, programs not interviewed, too few or more than the fee covers.</summary>
public static class RankListWarnings
{
    public static IReadOnlyList<string> For(IReadOnlyList<RankedProgram> ranked, ProgramSettings settings)
    {
        var warnings = new List<string>();
        foreach (var entry in ranked.Where(r => r.Application.Fit.Overall == FitResult.NotMet))
            warnings.Add($"#{entry.Position} {entry.Application.ProgramName}: the client does not meet "
                + string.Join("; ", entry.Application.Fit.Checks.Where(c => c.Result == FitResult.NotMet).Select(c => c.Reason)) + ".");
        foreach (var entry in ranked.Where(r => !ProgramApplication.IsPastInterview(r.Application.Status)))
            warnings.Add($"#{entry.Position} {entry.Application.ProgramName} is ranked but not marked as interviewed; programs can only match applicants they interviewed.");
        if (ranked.Count < settings.MinimumRanked)
            warnings.Add($"Only {ranked.Count} {(ranked.Count == 1 ? "program is" : "programs are")} ranked; the consultancy advises at least {settings.MinimumRanked}, since ranking more raises the chance to match.");
        if (ranked.Count > settings.RankedIncludedInFee)
            warnings.Add($"{ranked.Count} programs ranked: the registration fee covers {settings.RankedIncludedInFee}, each one more costs extra.");
        return warnings;
    }
}
