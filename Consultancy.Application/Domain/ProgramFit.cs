using System.ComponentModel.DataAnnotations;

namespace Consultancy.Application.Domain;

public enum FitRequirement
{
    [Display(Name = "Step 2 CK")] Step2CkScore,
    [Display(Name = "Years since graduation")] YearsSinceGraduation,
    Attempts,
    Visa,
    [Display(Name = "Step 3 for H-1B")] Step3ForH1B,
    [Display(Name = "US clinical experience")] ClinicalExperience,
    [Display(Name = "ECFMG certification")] EcfmgCertification,
}

public enum FitResult
{
    Met = 0,
    Unknown = 1,
    [Display(Name = "Not met")] NotMet = 2,
}

public sealed record FitCheck(FitRequirement Requirement, FitResult Result, string Reason);

/// <summary>The applicant's facts the fit check reads, for one season.</summary>
public sealed record ApplicantFacts(
    int? GraduationYear, int? ApplicationYear, int? Step2CkScore, int? Step1Attempts, int? Step2CkAttempts,
    VisaNeed VisaNeed, ExamResult Step3Result, int ClinicalExperienceMonths, int HandsOnMonths, EcfmgStatus EcfmgStatus)
{
    public int? YearsSinceGraduation => Client.YearsBetween(GraduationYear, ApplicationYear);
}

/// <summary>What a program asks, as the fit check reads it (a projection of <see cref="ResidencyProgram"/>).</summary>
public sealed record ProgramRequirements(
    int? MinimumStep2CkScore, int? MaximumYearsSinceGraduation, int? MaximumAttempts, VisaSponsorship VisaSponsorship,
    ClinicalExperienceRequirement ClinicalExperience, bool? EcfmgCertificationByRankDeadline)
{
    public static ProgramRequirements Of(ResidencyProgram program) => new(
        program.MinimumStep2CkScore, program.MaximumYearsSinceGraduation, program.MaximumAttempts, program.VisaSponsorship,
        program.ClinicalExperience, program.EcfmgCertificationByRankDeadline);
}

/// <summary>The fit of one applicant to one program: each requirement met, not met or unknown, and the worst of them.</summary>
public sealed record ProgramFit(IReadOnlyList<FitCheck> Checks)
{
    public FitResult Overall => Checks.Count == 0 ? FitResult.Met : Checks.Max(c => c.Result);
    public int NotMet => Checks.Count(c => c.Result == FitResult.NotMet);
    public int Unknown => Checks.Count(c => c.Result == FitResult.Unknown);

    /// <summary>
    /// Checks each requirement the program records against the applicant's facts. A requirement the program's record
    /// leaves empty reads unknown, since programs rarely have none; fit warns and never blocks.
    /// </summary>
    public static ProgramFit Evaluate(ApplicantFacts applicant, ProgramRequirements program)
    {
        var checks = new List<FitCheck>
        {
            Step2Ck(applicant, program),
            Graduation(applicant, program),
            Attempts(applicant, program),
            Visa(applicant, program),
        };
        if (Step3(applicant, program) is { } step3) checks.Add(step3);
        checks.Add(ClinicalExperience(applicant, program));
        checks.Add(Ecfmg(applicant, program));
        return new ProgramFit(checks);
    }

    private static FitCheck Step2Ck(ApplicantFacts a, ProgramRequirements p) => (p.MinimumStep2CkScore, a.Step2CkScore) switch
    {
        (null, _) => new(FitRequirement.Step2CkScore, FitResult.Unknown, "program's minimum Step 2 CK score not recorded"),
        (_, null) => new(FitRequirement.Step2CkScore, FitResult.Unknown, $"no Step 2 CK score on file; program asks ≥ {p.MinimumStep2CkScore}"),
        var (minimum, score) when score >= minimum => new(FitRequirement.Step2CkScore, FitResult.Met, $"Step 2 CK {score}, program asks ≥ {minimum}"),
        var (minimum, score) => new(FitRequirement.Step2CkScore, FitResult.NotMet, $"Step 2 CK {score}, program asks ≥ {minimum}"),
    };

    private static FitCheck Graduation(ApplicantFacts a, ProgramRequirements p)
    {
        if (p.MaximumYearsSinceGraduation is not { } maximum)
            return new(FitRequirement.YearsSinceGraduation, FitResult.Unknown, "program's limit on years since graduation not recorded");
        if (a.YearsSinceGraduation is not { } years)
            return new(FitRequirement.YearsSinceGraduation, FitResult.Unknown, $"graduation year not on file; program accepts ≤ {maximum} years");
        var said = $"graduated {a.GraduationYear}: {years} {(years == 1 ? "year" : "years")}, program accepts ≤ {maximum}";
        return new(FitRequirement.YearsSinceGraduation, years <= maximum ? FitResult.Met : FitResult.NotMet, said);
    }

    private static FitCheck Attempts(ApplicantFacts a, ProgramRequirements p)
    {
        if (p.MaximumAttempts is not { } maximum)
            return new(FitRequirement.Attempts, FitResult.Unknown, "program's limit on exam attempts not recorded");
        var accepts = maximum == 1 ? "first-attempt passes only" : $"at most {maximum} attempts";
        if (a.Step1Attempts is null && a.Step2CkAttempts is null)
            return new(FitRequirement.Attempts, FitResult.Unknown, $"attempts not on file; program accepts {accepts}");
        var most = Math.Max(a.Step1Attempts ?? 0, a.Step2CkAttempts ?? 0);
        var said = $"{most} {(most == 1 ? "attempt" : "attempts")} at most on Step 1 / Step 2 CK, program accepts {accepts}";
        return new(FitRequirement.Attempts, most <= maximum ? FitResult.Met : FitResult.NotMet, said);
    }

    private static FitCheck Visa(ApplicantFacts a, ProgramRequirements p)
    {
        var offers = p.VisaSponsorship switch
        {
            VisaSponsorship.J1 => "J-1 only",
            VisaSponsorship.H1B => "H-1B only",
            VisaSponsorship.Both => "J-1 and H-1B",
            _ => "no visas",
        };
        FitCheck Check(FitResult result, string reason) => new(FitRequirement.Visa, result, reason);
        if (a.VisaNeed == VisaNeed.None) return Check(FitResult.Met, "no visa needed");
        if (p.VisaSponsorship == VisaSponsorship.Unknown) return Check(FitResult.Unknown, "program's visa sponsorship not recorded");
        return a.VisaNeed switch
        {
            VisaNeed.J1 when p.VisaSponsorship is VisaSponsorship.J1 or VisaSponsorship.Both => Check(FitResult.Met, $"needs J-1, program sponsors {offers}"),
            VisaNeed.J1 => Check(FitResult.NotMet, $"needs J-1, program sponsors {offers}"),
            VisaNeed.H1B when p.VisaSponsorship is VisaSponsorship.H1B or VisaSponsorship.Both => Check(FitResult.Met, $"needs H-1B, program sponsors {offers}"),
            VisaNeed.H1B => Check(FitResult.NotMet, $"needs H-1B, program sponsors {offers}"),
            VisaNeed.J1OrH1B when p.VisaSponsorship != VisaSponsorship.None => Check(FitResult.Met, $"needs a visa, program sponsors {offers}"),
            VisaNeed.J1OrH1B => Check(FitResult.NotMet, "needs a visa, program sponsors none"),
            _ when p.VisaSponsorship == VisaSponsorship.None => Check(FitResult.NotMet, "visa need undecided, program sponsors none"),
            _ => Check(FitResult.Unknown, $"visa need undecided, program sponsors {offers}"),
        };
    }

    /// <summary>Only when the applicant's route into this program is an H-1B: programs that sponsor one usually require Step 3.</summary>
    private static FitCheck? Step3(ApplicantFacts a, ProgramRequirements p)
    {
        var throughH1B = (a.VisaNeed == VisaNeed.H1B && p.VisaSponsorship is VisaSponsorship.H1B or VisaSponsorship.Both)
            || (a.VisaNeed == VisaNeed.J1OrH1B && p.VisaSponsorship == VisaSponsorship.H1B);
        if (!throughH1B) return null;
        return a.Step3Result switch
        {
            ExamResult.Pass => new(FitRequirement.Step3ForH1B, FitResult.Met, "Step 3 passed, as H-1B sponsorship usually requires"),
            ExamResult.Scheduled => new(FitRequirement.Step3ForH1B, FitResult.Unknown, "Step 3 scheduled; H-1B sponsorship usually requires it passed"),
            _ => new(FitRequirement.Step3ForH1B, FitResult.NotMet, "Step 3 not passed; H-1B sponsorship usually requires it"),
        };
    }

    private static FitCheck ClinicalExperience(ApplicantFacts a, ProgramRequirements p)
    {
        var has = a.ClinicalExperienceMonths == 0 ? "no US clinical experience on file"
            : $"{a.ClinicalExperienceMonths} months of US clinical experience ({a.HandsOnMonths} hands-on)";
        return p.ClinicalExperience switch
        {
            ClinicalExperienceRequirement.NotRequired => new(FitRequirement.ClinicalExperience, FitResult.Met, "program does not require US clinical experience"),
            ClinicalExperienceRequirement.Required when a.ClinicalExperienceMonths > 0 => new(FitRequirement.ClinicalExperience, FitResult.Met, $"{has}, program requires it"),
            ClinicalExperienceRequirement.Required => new(FitRequirement.ClinicalExperience, FitResult.NotMet, $"{has}, program requires it"),
            ClinicalExperienceRequirement.Preferred when a.HandsOnMonths > 0 => new(FitRequirement.ClinicalExperience, FitResult.Met, $"{has}, program prefers hands-on"),
            ClinicalExperienceRequirement.Preferred => new(FitRequirement.ClinicalExperience, FitResult.NotMet, $"{has}, program prefers hands-on"),
            _ => new(FitRequirement.ClinicalExperience, FitResult.Unknown, "program's clinical experience requirement not recorded"),
        };
    }

    private static FitCheck Ecfmg(ApplicantFacts a, ProgramRequirements p) => (p.EcfmgCertificationByRankDeadline, a.EcfmgStatus) switch
    {
        (null, _) => new(FitRequirement.EcfmgCertification, FitResult.Unknown, "program's ECFMG certification deadline not recorded"),
        (false, _) => new(FitRequirement.EcfmgCertification, FitResult.Met, "program needs certification only by the start date"),
        (true, EcfmgStatus.Certified or EcfmgStatus.NotApplicable) => new(FitRequirement.EcfmgCertification, FitResult.Met, "certified; program needs it by the rank-list deadline"),
        (true, EcfmgStatus.InProgress) => new(FitRequirement.EcfmgCertification, FitResult.Unknown, "certification in progress; program needs it by the rank-list deadline"),
        _ => new(FitRequirement.EcfmgCertification, FitResult.NotMet, "certification not started; program needs it by the rank-list deadline"),
    };
}
