using Consultancy.Application.Clients;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Application;

/// <summary>The applicant's pathway facts: exam attempts, Step 3, OET Medicine, years since graduation and clinical experience.</summary>
public sealed class ClientPathwayTests : IAsyncLifetime
{
    private ApplicationHarness _app = null!;
    private TestUser _alice = null!, _bob = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _alice = await _app.ConsultantAsync("alice@consultancy.test");
        _bob = await _app.ConsultantAsync("bob@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static CreateClient Passed() => ClientBuilder.NewClient() with
    {
        Step1Result = ExamResult.Pass, Mccqe1Result = ExamResult.Fail, OetResult = ExamResult.Pass,
    };

    [Theory]
    [InlineData(nameof(ClientFields.Step1Attempts), 0)]
    [InlineData(nameof(ClientFields.Step1Attempts), 10)]
    [InlineData(nameof(ClientFields.Step2CkAttempts), 0)]
    [InlineData(nameof(ClientFields.Step2CkAttempts), 10)]
    [InlineData(nameof(ClientFields.Mccqe1Attempts), -1)]
    [InlineData(nameof(ClientFields.Mccqe1Attempts), 12)]
    public async Task Attempts_outside_1_to_9_are_refused_with_a_message(string field, int attempts)
    {
        var form = Passed();
        typeof(ClientFields).GetProperty(field)!.SetValue(form, attempts);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, form));

        Assert.Equal([field], invalid.Errors.Keys);
        Assert.Contains("from 1 to 9", Assert.Single(invalid.Errors[field]));
        Assert.Equal(0, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task Attempts_are_refused_for_an_exam_not_taken()
    {
        var form = ClientBuilder.NewClient() with { Step1Result = ExamResult.NotTaken, Step1Attempts = 1, Mccqe1Result = ExamResult.NotTaken, Mccqe1Attempts = 2 };

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, form));

        Assert.Equal([nameof(ClientFields.Mccqe1Attempts), nameof(ClientFields.Step1Attempts)], invalid.Errors.Keys.Order());
        Assert.Contains("choose its result", invalid.Errors[nameof(ClientFields.Step1Attempts)][0]);
    }

    [Fact]
    public async Task Step_3_and_OET_results_outside_the_list_are_refused()
    {
        var form = Passed() with { Step3Result = (ExamResult)42, OetResult = (ExamResult)42, OetDate = null };

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, form));

        Assert.Equal([nameof(ClientFields.OetResult), nameof(ClientFields.Step3Result)], invalid.Errors.Keys.Order());
        Assert.Equal("Choose a Step 3 result from the list.", invalid.Errors[nameof(ClientFields.Step3Result)].Single());
    }

    [Fact]
    public async Task An_OET_date_in_the_future_or_without_a_result_is_refused()
    {
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);

        var future = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, Passed() with { OetDate = today.AddDays(3) }));
        Assert.Contains("cannot be in the future", Assert.Single(future.Errors[nameof(ClientFields.OetDate)]));

        foreach (var result in new[] { ExamResult.NotTaken, ExamResult.Scheduled })
        {
            var noResult = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(_alice, Passed() with { OetResult = result, OetDate = today.AddDays(-10) }));
            Assert.Contains("only with its result", Assert.Single(noResult.Errors[nameof(ClientFields.OetDate)]));
        }

        // Today's result is accepted, and so is a fail.
        await _app.SendAsync(_alice, Passed() with { OetDate = today });
        await _app.SendAsync(_alice, Passed() with { OetResult = ExamResult.Fail, OetDate = today.AddYears(-1) });
    }

    [Fact]
    public async Task The_pathway_facts_are_saved_by_the_edit_form_and_read_back_on_the_client_page_and_the_form()
    {
        var form = ClientBuilder.NewClient();
        var id = await _app.SendAsync(_alice, form);
        var edit = await _app.SendAsync(_alice, new GetClientForEdit(id));
        Assert.Null(edit.Step1Attempts);
        Assert.Equal(ExamResult.NotTaken, edit.OetResult);

        edit.Step1Result = ExamResult.Pass;
        edit.Step1Attempts = 2;
        edit.Step2CkScore = 238;
        edit.Step2CkAttempts = 1;
        edit.Step3Result = ExamResult.Scheduled;
        edit.Mccqe1Result = ExamResult.Pass;
        edit.Mccqe1Attempts = 3;
        edit.OetResult = ExamResult.Pass;
        edit.OetDate = new DateOnly(2026, 3, 14);
        await _app.SendAsync(_alice, edit);

        var profile = (await _app.SendAsync(_alice, new GetClientDetails(id))).Profile;
        Assert.Equal((2, 1, ExamResult.Scheduled, 3, ExamResult.Pass, new DateOnly(2026, 3, 14)),
            (profile.Step1Attempts, profile.Step2CkAttempts, profile.Step3Result, profile.Mccqe1Attempts, profile.OetResult, profile.OetDate));
        var again = await _app.SendAsync(_alice, new GetClientForEdit(id));
        Assert.Equal((2, 1, ExamResult.Scheduled, 3, ExamResult.Pass, new DateOnly(2026, 3, 14)),
            (again.Step1Attempts, again.Step2CkAttempts, again.Step3Result, again.Mccqe1Attempts, again.OetResult, again.OetDate));

        // The edit went through the version check: the form read before the save is now stale.
        await Assert.ThrowsAsync<ConcurrencyException>(() => _app.SendAsync(_alice, edit with { Step1Attempts = 3 }));
        var timeline = (await _app.SendAsync(_alice, new GetClientDetails(id))).Timeline;
        Assert.Contains(timeline, t => t.Changes.Any(c => c.Field == nameof(Client.OetResult) && c.To == nameof(ExamResult.Pass)));
    }

    [Fact]
    public async Task Years_since_graduation_count_to_the_year_of_the_seasons_earliest_key_date()
    {
        await _app.QueryAsync(db =>
        {
            var season = new Season(TargetSystem.ErasNrmp, "Pathway 2031");
            season.KeyDates.Add(new SeasonKeyDate("myeras-opens", "MyERAS opens", new DateOnly(2029, 6, 4), false, null));
            season.KeyDates.Add(new SeasonKeyDate("rol-deadline", "Rank list deadline", new DateOnly(2030, 3, 4), false, null));
            db.Seasons.Add(season);
            return db.SaveChangesAsync();
        });
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { GraduationYear = 2020, Season = "Pathway 2031" });

        var pathway = (await _app.SendAsync(_alice, new GetClientDetails(id))).Pathway;

        // The key dates say 2029, where the name alone would say 2030.
        Assert.Equal((2029, "Pathway 2031", 9), (pathway.ApplicationYear, pathway.ApplicationSeason, pathway.YearsSinceGraduation));
    }

    [Fact]
    public async Task Years_since_graduation_use_the_season_name_without_a_season_row_and_this_year_without_a_season()
    {
        var named = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { GraduationYear = 2019, Season = "ERAS 2035" });
        var none = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { GraduationYear = 2019, Season = null });
        var unknown = await _app.SendAsync(_alice, ClientBuilder.NewClient() with { GraduationYear = null, Season = "ERAS 2035" });

        var fromName = (await _app.SendAsync(_alice, new GetClientDetails(named))).Pathway;
        var fromClock = (await _app.SendAsync(_alice, new GetClientDetails(none))).Pathway;
        var notGraduated = (await _app.SendAsync(_alice, new GetClientDetails(unknown))).Pathway;

        Assert.Equal((2034, "ERAS 2035", 15), (fromName.ApplicationYear, fromName.ApplicationSeason, fromName.YearsSinceGraduation));
        Assert.Equal((2026, null, 7), (fromClock.ApplicationYear, fromClock.ApplicationSeason, fromClock.YearsSinceGraduation));
        Assert.Null(notGraduated.YearsSinceGraduation);
    }

    [Fact]
    public async Task Clinical_experience_is_added_listed_with_its_totals_removed_and_each_change_is_on_the_timeline()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());

        var handsOn = await _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.HandsOn, Place = "  Mercy Hospital, Chicago IL ", Months = 2 });
        await _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.Observership, Place = "Lakeside Clinic", Months = 1 });
        await _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.Externship, Place = "St. Mary's, Toronto", Months = 3 });

        var details = await _app.SendAsync(_alice, new GetClientDetails(id));
        Assert.Equal(["Mercy Hospital, Chicago IL", "Lakeside Clinic", "St. Mary's, Toronto"], details.Pathway.ClinicalExperiences.Select(e => e.Place));
        Assert.Equal((6, 5), (details.Pathway.ClinicalExperienceMonths, details.Pathway.HandsOnMonths));
        var added = details.Timeline.Where(t => t.EntityType == nameof(ClinicalExperience) && t.Action == AuditAction.Created).ToList();
        Assert.Equal(3, added.Count);
        Assert.Contains(added, t => t.Changes.Any(c => c.Field == nameof(ClinicalExperience.Place) && c.To == "Lakeside Clinic"));

        Assert.Equal(id, await _app.SendAsync(_alice, new RemoveClinicalExperience(handsOn)));

        details = await _app.SendAsync(_alice, new GetClientDetails(id));
        Assert.Equal((4, 3), (details.Pathway.ClinicalExperienceMonths, details.Pathway.HandsOnMonths));
        var removed = Assert.Single(details.Timeline, t => t.EntityType == nameof(ClinicalExperience) && t.Action == AuditAction.Deleted);
        Assert.Contains(removed.Changes, c => c.Field == nameof(ClinicalExperience.Place) && (c.From ?? c.To) == "Mercy Hospital, Chicago IL");
    }

    [Fact]
    public async Task Another_consultant_can_neither_add_nor_remove_a_clients_clinical_experience()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());
        var experience = await _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.Research, Place = "Lakeside Clinic", Months = 4 });

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.HandsOn, Place = "Elsewhere", Months = 1 }));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(_bob, new RemoveClinicalExperience(experience)));

        Assert.Equal([4], await _app.QueryAsync(db => db.ClinicalExperiences.Where(e => e.ClientId == id).Select(e => e.Months).ToListAsync()));
    }

    [Theory]
    [InlineData("", 2, "Place")]
    [InlineData("Mercy Hospital\nChicago", 2, "Place")]
    [InlineData("Mercy | Chicago", 2, "Place")]
    [InlineData("Mercy Hospital", 0, "Months")]
    [InlineData("Mercy Hospital", 61, "Months")]
    [InlineData("Mercy Hospital", null, "Months")]
    public async Task Clinical_experience_needs_a_single_line_place_and_1_to_60_months(string place, int? months, string field)
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.HandsOn, Place = place, Months = months }));

        Assert.Equal([field], invalid.Errors.Keys);
        Assert.Equal(0, await _app.QueryAsync(db => db.ClinicalExperiences.CountAsync()));
    }

    [Fact]
    public async Task A_place_over_200_characters_and_a_kind_outside_the_list_are_refused()
    {
        var id = await _app.SendAsync(_alice, ClientBuilder.NewClient());

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(_alice, new AddClinicalExperience { ClientId = id, Kind = (ClinicalExperienceKind)9, Place = new string('x', 201), Months = 2 }));

        Assert.Equal(["Kind", "Place"], invalid.Errors.Keys.Order());
    }
}
