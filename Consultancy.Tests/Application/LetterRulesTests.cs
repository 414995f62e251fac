using Consultancy.Application.Domain;

namespace Consultancy.Tests.Application;

/// <summary>The letter rules, case by case, for ERAS, CaRMS and both.</summary>
public sealed class LetterRulesTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);
    private static readonly DateOnly ProgramsReceive = new(2027, 9, 22);

    public static TheoryData<string, TargetSystem, ImgType, string?, DateOnly?, LetterFacts[], LetterRule[]> Cases => new()
    {
        { "ERAS IMG with 3 IM letters, one from a US physician: nothing to say",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, "Internal Medicine", ProgramsReceive,
            [Eras("A", us: true), Eras("B"), Eras("C")], [] },
        { "ERAS IMG with 2 letters: too few, and too few for the specialty",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, "Internal Medicine", null,
            [Eras("A", us: true), Eras("B")], [LetterRule.TooFewForEras, LetterRule.TooFewForSpecialty] },
        { "declined and cancelled letters do not count",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, "Internal Medicine", null,
            [Eras("A", us: true), Eras("B"), Eras("C", status: LetterStatus.Declined), Eras("D", status: LetterStatus.Cancelled)],
            [LetterRule.TooFewForEras, LetterRule.TooFewForSpecialty] },
        { "ERAS IMG without a US or Canadian physician",
            TargetSystem.ErasNrmp, ImgType.UsImg, "Internal Medicine", null,
            [Eras("A"), Eras("B"), Eras("C")], [LetterRule.NoUsCanadianPhysician] },
        { "the US physician letter was declined, so it does not count",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, null, null,
            [Eras("A", us: true, status: LetterStatus.Declined), Eras("B"), Eras("C"), Eras("D")], [LetterRule.NoUsCanadianPhysician] },
        { "a domestic graduate needs no US physician letter",
            TargetSystem.ErasNrmp, ImgType.Domestic, "Internal Medicine", null,
            [Eras("A"), Eras("B"), Eras("C")], [] },
        { "a US physician letter for CaRMS does not satisfy the ERAS rule",
            TargetSystem.Both, ImgType.CanadianImg, null, null,
            [Eras("A"), Eras("B"), Eras("C"), Carms("D", us: true), Carms("E"), Carms("F")], [LetterRule.NoUsCanadianPhysician] },
        { "two specialties: general letters support both, specific ones only their own",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, "Internal Medicine, Family Medicine", null,
            [Eras("A", us: true), Eras("B"), Eras("C", specialty: "General"), Eras("D", specialty: "Family Medicine")],
            [LetterRule.TooFewForSpecialty] },
        { "specialties match whatever their case",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, "internal medicine", null,
            [Eras("A", us: true), Eras("B"), Eras("C")], [] },
        { "a letter due after the cutoff, 14 days before programs receive applications",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, null, ProgramsReceive,
            [Eras("A", us: true), Eras("B"), Eras("C", due: new DateOnly(2027, 9, 10))], [LetterRule.NotUploadedInTime] },
        { "a letter due exactly on the cutoff is in time",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, null, ProgramsReceive,
            [Eras("A", us: true), Eras("B"), Eras("C", due: new DateOnly(2027, 9, 8))], [] },
        { "ERAS only: CaRMS rules stay quiet",
            TargetSystem.ErasNrmp, ImgType.NonUsImg, null, null,
            [Eras("A", us: true), Eras("B"), Eras("C")], [] },
        { "CaRMS with 2 letters: too few, and no ERAS rules",
            TargetSystem.CaRMS, ImgType.CanadianImg, null, ProgramsReceive,
            [Carms("A"), Carms("B", due: new DateOnly(2027, 12, 1))], [LetterRule.TooFewForCarms] },
        { "CaRMS with 3 letters: nothing to say",
            TargetSystem.CaRMS, ImgType.CanadianImg, "Family Medicine", null,
            [Carms("A", specialty: "Family Medicine"), Carms("B", specialty: "Family Medicine"), Carms("C", specialty: "Family Medicine")], [] },
        { "both systems with no letters: every count is short",
            TargetSystem.Both, ImgType.NonUsImg, "Psychiatry", null,
            [], [LetterRule.TooFewForEras, LetterRule.TooFewForCarms, LetterRule.NoUsCanadianPhysician, LetterRule.TooFewForSpecialty] },
        { "both systems, ERAS letters only: CaRMS is short",
            TargetSystem.Both, ImgType.NonUsImg, null, null,
            [Eras("A", us: true), Eras("B"), Eras("C")], [LetterRule.TooFewForCarms] },
        { "both systems, three of each with a US physician for ERAS: nothing to say",
            TargetSystem.Both, ImgType.NonUsImg, null, null,
            [Eras("A", us: true), Eras("B"), Eras("C"), Carms("D"), Carms("E"), Carms("F")], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Warns_exactly_where_a_rule_is_broken(string situation, TargetSystem system, ImgType imgType, string? specialties,
        DateOnly? programsReceive, LetterFacts[] letters, LetterRule[] expected)
    {
        var warnings = LetterRules.Evaluate(new LetterPlan(system, imgType, specialties, Today, programsReceive, letters, []));

        Assert.True(expected.SequenceEqual(warnings.Select(w => w.Rule)), $"{situation}: got {string.Join(", ", warnings.Select(w => w.Message))}");
    }

    [Fact]
    public void From_the_cutoff_on_every_ERAS_letter_not_yet_uploaded_is_named()
    {
        var letters = new[] { Eras("Dr. Uploaded", us: true, status: LetterStatus.Uploaded), Eras("Dr. Confirmed", status: LetterStatus.Confirmed), Eras("Dr. Requested", status: LetterStatus.Requested) };

        var before = LetterRules.Evaluate(new LetterPlan(TargetSystem.ErasNrmp, ImgType.NonUsImg, null, new DateOnly(2027, 9, 7), ProgramsReceive, letters, []));
        var from = LetterRules.Evaluate(new LetterPlan(TargetSystem.ErasNrmp, ImgType.NonUsImg, null, new DateOnly(2027, 9, 8), ProgramsReceive, letters, []));

        Assert.Empty(before);
        var warning = Assert.Single(from);
        Assert.Equal("Not uploaded by 8 Sep 2027, 14 days before programs receive applications (22 Sep 2027): Dr. Confirmed, Dr. Requested.", warning.Message);
    }

    [Fact]
    public void Messages_say_how_many_letters_there_are_and_what_is_expected()
    {
        var warnings = LetterRules.Evaluate(new LetterPlan(TargetSystem.Both, ImgType.NonUsImg, "Psychiatry", Today, null,
            [Eras("A"), Carms("B", specialty: "General")], []));

        Assert.Equal(
        [
            "Only 1 letter planned for ERAS; programs commonly ask for 3 (at most 4 per program).",
            "Only 1 letter planned for CaRMS; programs commonly ask for 3 reference letters.",
            "No ERAS letter from a US or Canadian physician; programs commonly expect at least one from an IMG.",
            "Only 1 letter supports Psychiatry; plan at least 3.",
        ], warnings.Select(w => w.Message));
    }

    public static TheoryData<string, ApplicationLetters[], LetterRule[]> ProgramCases => new()
    {
        { "an ERAS program with exactly 4 letters is fine", [Applied("A", 4)], [] },
        { "an ERAS program with 5 letters is over the limit", [Applied("A", 5)], [LetterRule.TooManyForOneProgram] },
        { "the limit of 4 is ERAS's: a CaRMS program with 5 is fine", [Applied("A", 5, ProgramSystem.CaRMS)], [] },
        { "a program still being researched may not have 5 either", [Applied("A", 5, status: ApplicationStatus.Researching)], [LetterRule.TooManyForOneProgram] },
        { "an application sent with 2 letters has too few", [Applied("A", 2)], [LetterRule.TooFewForProgram] },
        { "an interview invite with 2 letters has too few", [Applied("A", 2, status: ApplicationStatus.InterviewInvited)], [LetterRule.TooFewForProgram] },
        { "an application sent with 3 letters is fine", [Applied("A", 3)], [] },
        { "an application still being researched needs no letters yet", [Applied("A", 0, status: ApplicationStatus.Researching)], [] },
        { "withdrawn and rejected applications are not checked",
            [Applied("A", 0, status: ApplicationStatus.Withdrawn), Applied("B", 6, status: ApplicationStatus.Rejected)], [] },
        { "both rules at once", [Applied("A", 5), Applied("B", 1)], [LetterRule.TooManyForOneProgram, LetterRule.TooFewForProgram] },
    };

    [Theory]
    [MemberData(nameof(ProgramCases))]
    public void Warns_about_a_program_with_more_than_four_ERAS_letters_or_an_application_sent_with_fewer_than_three(
        string situation, ApplicationLetters[] applications, LetterRule[] expected)
    {
        var letters = new[] { Eras("A", us: true), Eras("B"), Eras("C") };

        var warnings = LetterRules.Evaluate(new LetterPlan(TargetSystem.ErasNrmp, ImgType.NonUsImg, null, Today, null, letters, applications));

        Assert.True(expected.SequenceEqual(warnings.Select(w => w.Rule)), $"{situation}: got {string.Join(", ", warnings.Select(w => w.Message))}");
    }

    [Fact]
    public void Per_program_messages_name_five_programs_then_say_how_many_more()
    {
        var applications = Enumerable.Range(1, 7).Select(i => Applied($"Program {i}", 1)).Append(Applied("Busy IM", 5)).ToList();

        var warnings = LetterRules.ForPrograms(applications);

        Assert.Equal(
        [
            "More than 4 letters assigned to Busy IM; ERAS lets a program receive at most 4.",
            "7 applications have fewer than 3 letters assigned: Program 1, Program 2, Program 3, Program 4, Program 5 and 2 more.",
        ], warnings.Select(w => w.Message));
    }

    private static ApplicationLetters Applied(string program, int letters, ProgramSystem system = ProgramSystem.ErasNrmp,
        ApplicationStatus status = ApplicationStatus.Applied) => new(system, program, status, letters);

    private static LetterFacts Eras(string referee, bool us = false, string specialty = "Internal Medicine", LetterStatus status = LetterStatus.Requested,
        DateOnly? due = null) =>
        new(referee, LetterSystem.ERAS, specialty, status, us, due ?? new DateOnly(2027, 8, 1));

    private static LetterFacts Carms(string referee, bool us = false, string specialty = "Internal Medicine", LetterStatus status = LetterStatus.Requested,
        DateOnly? due = null) =>
        new(referee, LetterSystem.CaRMS, specialty, status, us, due ?? new DateOnly(2027, 8, 1));
}
