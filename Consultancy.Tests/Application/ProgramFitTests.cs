using Consultancy.Application.Domain;

namespace Consultancy.Tests.Application;

/// <summary>The fit check: each requirement met, not met or unknown, with the reason a consultant reads.</summary>
public sealed class ProgramFitTests
{
    private static readonly ApplicantFacts Applicant = new(GraduationYear: 2016, ApplicationYear: 2027, Step2CkScore: 238,
        Step1Attempts: 1, Step2CkAttempts: 2, VisaNeed: VisaNeed.H1B, Step3Result: ExamResult.NotTaken,
        ClinicalExperienceMonths: 3, HandsOnMonths: 0, EcfmgStatus: EcfmgStatus.Certified);

    private static readonly ProgramRequirements Strict = new(MinimumStep2CkScore: 240, MaximumYearsSinceGraduation: 5, MaximumAttempts: 1,
        VisaSponsorship.J1, ClinicalExperienceRequirement.Preferred, EcfmgCertificationByRankDeadline: true);

    private static FitCheck Check(ProgramFit fit, FitRequirement requirement) => fit.Checks.Single(c => c.Requirement == requirement);

    [Fact]
    public void Each_requirement_the_applicant_misses_reads_not_met_with_its_reason()
    {
        var fit = ProgramFit.Evaluate(Applicant, Strict);

        Assert.Equal(new FitCheck(FitRequirement.YearsSinceGraduation, FitResult.NotMet, "graduated 2016: 11 years, program accepts ≤ 5"),
            Check(fit, FitRequirement.YearsSinceGraduation));
        Assert.Equal(new FitCheck(FitRequirement.Visa, FitResult.NotMet, "needs H-1B, program sponsors J-1 only"), Check(fit, FitRequirement.Visa));
        Assert.Equal(FitResult.NotMet, Check(fit, FitRequirement.Step2CkScore).Result);
        Assert.Equal("Step 2 CK 238, program asks ≥ 240", Check(fit, FitRequirement.Step2CkScore).Reason);
        Assert.Equal(FitResult.NotMet, Check(fit, FitRequirement.Attempts).Result);
        Assert.Equal(FitResult.NotMet, Check(fit, FitRequirement.ClinicalExperience).Result);
        Assert.Equal(FitResult.Met, Check(fit, FitRequirement.EcfmgCertification).Result);
        Assert.Equal(FitResult.NotMet, fit.Overall);
        Assert.Equal(5, fit.NotMet);
    }

    [Fact]
    public void A_program_that_fits_reads_met_and_an_H1B_route_asks_for_Step_3()
    {
        var lenient = new ProgramRequirements(220, 15, 2, VisaSponsorship.Both, ClinicalExperienceRequirement.NotRequired, false);

        var fit = ProgramFit.Evaluate(Applicant, lenient);

        Assert.All(fit.Checks.Where(c => c.Requirement != FitRequirement.Step3ForH1B), c => Assert.Equal(FitResult.Met, c.Result));
        Assert.Equal(new FitCheck(FitRequirement.Step3ForH1B, FitResult.NotMet, "Step 3 not passed; H-1B sponsorship usually requires it"),
            Check(fit, FitRequirement.Step3ForH1B));
        var withStep3 = ProgramFit.Evaluate(Applicant with { Step3Result = ExamResult.Pass }, lenient);
        Assert.Equal(FitResult.Met, withStep3.Overall);
    }

    [Fact]
    public void What_is_not_recorded_on_either_side_reads_unknown_never_met()
    {
        var unknownProgram = new ProgramRequirements(null, null, null, VisaSponsorship.Unknown, ClinicalExperienceRequirement.Unknown, null);
        var fit = ProgramFit.Evaluate(Applicant, unknownProgram);
        Assert.All(fit.Checks, c => Assert.Equal(FitResult.Unknown, c.Result));

        var unknownApplicant = new ApplicantFacts(null, 2027, null, null, null, VisaNeed.Undecided, ExamResult.NotTaken, 0, 0, EcfmgStatus.InProgress);
        var against = ProgramFit.Evaluate(unknownApplicant, Strict);
        Assert.Equal("graduation year not on file; program accepts ≤ 5 years", Check(against, FitRequirement.YearsSinceGraduation).Reason);
        Assert.Equal(FitResult.Unknown, Check(against, FitRequirement.Step2CkScore).Result);
        Assert.Equal(FitResult.Unknown, Check(against, FitRequirement.EcfmgCertification).Result);
        Assert.Equal(FitResult.NotMet, Check(against, FitRequirement.ClinicalExperience).Result);
    }

    [Fact]
    public void Years_since_graduation_count_to_the_year_applications_go_out_in()
    {
        Assert.Equal(2027, Season.ApplicationYearOf("ERAS 2028"));
        Assert.Equal(2026, Season.ApplicationYearOf("CaRMS 2027"));
        Assert.Null(Season.ApplicationYearOf("Next year"));
        Assert.Equal(11, Applicant.YearsSinceGraduation);
    }
}
