using Microsoft.Extensions.DependencyInjection;
using Consultancy.Application.Common;
using System.Net;
using AngleSharp.Dom;
using Consultancy.Application.Board;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

public sealed class BoardPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_consultant_sees_own_active_clients_as_cards_in_their_stage_column_with_the_next_open_deadline()
    {
        var nadia = await app.ConsultantAsync("board.nadia@consultancy.test");
        var omar = await app.ConsultantAsync("board.omar@consultancy.test");
        var applied = await app.AddClientAsync(nadia.Id, ClientStage.Applied, "Chidi", "Nwosu", "ERAS 2028");
        await app.AddDeadlineAsync(applied, "Send transcripts", new DateOnly(2030, 3, 1), DeadlineStatus.Done);
        await app.AddDeadlineAsync(applied, "Certify rank list", new DateOnly(2030, 2, 20), DeadlineStatus.Open);
        await app.AddDeadlineAsync(applied, "Match Day", new DateOnly(2030, 3, 20), DeadlineStatus.Open);
        var lead = await app.AddClientAsync(nadia.Id, ClientStage.Lead, "Lena", "Haddad", null);
        await app.AddClientAsync(nadia.Id, ClientStage.Lead, "Archived", "Person", null, archived: true);
        await app.AddClientAsync(omar.Id, ClientStage.Applied, "Someone", "Else", "ERAS 2028");
        var session = await BrowserlessSession.SignInAsync(app, nadia);

        var page = await session.GetPageAsync("/Board");

        Assert.Equal("Pipeline board · Consultancy", page.Title);
        Assert.Equal(Enum.GetValues<ClientStage>().Except(Client.EndStages).Select(s => s.ToString()),
            page.QuerySelectorAll("section.board-column:not(.board-column-end)").Select(c => c.GetAttribute("data-stage")));
        Assert.Equal(["Chidi Nwosu"], CardNames(page, ClientStage.Applied));
        Assert.Equal(["Lena Haddad"], CardNames(page, ClientStage.Lead));
        var card = page.QuerySelector($"#client-{applied}")!.TextContent;
        Assert.Contains("ERAS/NRMP · ERAS 2028", card);
        Assert.Contains("Certify rank list, 20 Feb 2030", card);
        Assert.Contains("Next: Book a free strategy call", page.QuerySelector($"#client-{lead}")!.TextContent);
        Assert.DoesNotContain("Someone Else", page.Body!.TextContent);
        Assert.DoesNotContain("Archived Person", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("select#consultantId"));
        Assert.NotNull(page.QuerySelector("nav a[href='/Board'][aria-current=page]"));
    }

    [Fact]
    public async Task Moving_a_card_with_its_move_menu_changes_the_stage_records_history_and_shows_on_the_client_page()
    {
        var consultant = await app.ConsultantAsync("board.mover@consultancy.test");
        var id = await app.AddClientAsync(consultant.Id, ClientStage.Documents, "Ravi", "Menon", "ERAS 2028");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var response = await session.SubmitAsync("/Board", $"#client-{id} form.board-move", new() { ["stage"] = nameof(ClientStage.Interviewing) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Board#client-{id}", response.Headers.Location!.OriginalString);
        var board = await session.GetPageAsync("/Board");
        Assert.Contains("Client moved to Interviewing.", board.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(["Ravi Menon"], CardNames(board, ClientStage.Interviewing));
        Assert.Empty(CardNames(board, ClientStage.Documents));
        var details = await session.GetPageAsync($"/Clients/Details/{id}");
        Assert.Contains("Interviewing", details.QuerySelector(".stage-badge")!.TextContent);
        var history = await app.QueryAsync(db => db.ClientStageChanges.Where(s => s.ClientId == id).OrderBy(s => s.Id)
            .Select(s => new { s.FromStage, s.ToStage, s.ChangedById }).ToListAsync());
        Assert.Equal(ClientStage.Documents, history[^1].FromStage);
        Assert.Equal(ClientStage.Interviewing, history[^1].ToStage);
        Assert.Equal(consultant.Id, history[^1].ChangedById);
    }

    [Fact]
    public async Task A_consultant_cannot_move_another_consultants_client_from_the_board()
    {
        var owner = await app.ConsultantAsync("board.owner@consultancy.test");
        var intruder = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("board.intruder@consultancy.test"));
        var id = await app.AddClientAsync(owner.Id, ClientStage.Applied, "Kept", "Safe", null);

        var response = await intruder.PostAsync($"/Board/Move/{id}", "/Board", new() { ["stage"] = nameof(ClientStage.Withdrawn) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ClientStage.Applied, await app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Stage).SingleAsync()));
    }

    [Fact]
    public async Task A_move_to_a_stage_that_does_not_exist_goes_back_to_the_board_with_a_message_and_changes_nothing()
    {
        var consultant = await app.ConsultantAsync("board.badstage@consultancy.test");
        var id = await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Odd", "Request", null);
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var response = await session.PostAsync($"/Board/Move/{id}", "/Board", new() { ["stage"] = "42" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var board = await session.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The value '42' is invalid.", board.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(ClientStage.Applied, await app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Stage).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_sees_every_caseload_and_can_narrow_the_board_to_one_consultant()
    {
        var first = await app.ConsultantAsync("board.first@consultancy.test");
        var second = await app.ConsultantAsync("board.second@consultancy.test");
        var firsts = await app.AddClientAsync(first.Id, ClientStage.Onboarding, "Firsts", "Client", null);
        var seconds = await app.AddClientAsync(second.Id, ClientStage.Onboarding, "Seconds", "Client", null);
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var everyone = await admin.GetPageAsync("/Board");
        Assert.NotNull(everyone.QuerySelector($"#client-{firsts}"));
        Assert.NotNull(everyone.QuerySelector($"#client-{seconds}"));
        Assert.Contains("board.first", everyone.QuerySelector($"#client-{firsts}")!.TextContent);

        var narrowed = await admin.GetPageAsync($"/Board?consultantId={second.Id}");
        Assert.Null(narrowed.QuerySelector($"#client-{firsts}"));
        Assert.NotNull(narrowed.QuerySelector($"#client-{seconds}"));
        Assert.Equal(second.Id, narrowed.QuerySelector($"#client-{seconds} form.board-move input[name=consultantId]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_long_column_shows_the_most_recently_updated_cards_and_links_to_the_rest_within_a_fixed_number_of_queries()
    {
        var consultant = await app.ConsultantAsync("board.busy@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);
        await app.AddClientAsync(consultant.Id, ClientStage.Applied, "Only", "One", null, updatedAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await session.GetPageAsync("/Board");
        var smallBoardQueries = await FirstViewQueriesAsync(session);

        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var ids = new List<int>();
        for (var i = 1; i < GetPipelineBoard.CardsPerColumn + 7; i++)
            ids.Add(await app.AddClientAsync(consultant.Id, ClientStage.Applied, $"Busy{i:00}", "Applicant", "ERAS 2028", updatedAt: start.AddHours(i)));
        foreach (var id in ids.Take(20)) await app.AddDeadlineAsync(id, "Interview", new DateOnly(2030, 1, 10), DeadlineStatus.Open);

        Assert.Equal(smallBoardQueries, await FirstViewQueriesAsync(session));
        // Three for the board (counts, cards, their next deadlines), one for the sign-in session check every signed-in request makes.
        Assert.True(smallBoardQueries <= 4, $"/Board ran {smallBoardQueries} queries");
        app.SqlCommands.Clear();
        var page = await session.GetPageAsync("/Board");
        // A repeat view within the totals' lifetime reads the kept column counts.
        Assert.Equal(smallBoardQueries - 1, app.SqlCommands.Count);
        var names = CardNames(page, ClientStage.Applied);
        Assert.Equal(GetPipelineBoard.CardsPerColumn, names.Count);
        Assert.Equal($"Busy{GetPipelineBoard.CardsPerColumn + 6:00} Applicant", names[0]);
        Assert.Equal("Busy07 Applicant", names[^1]);
        var more = page.QuerySelector($"section[data-stage={ClientStage.Applied}] a.board-more")!;
        Assert.Equal("and 7 more →", more.TextContent.Trim());
        Assert.Contains("stage=Applied", more.GetAttribute("href"));
        Assert.Contains("sort=RecentlyUpdated", more.GetAttribute("href"));
        Assert.Contains($"{GetPipelineBoard.CardsPerColumn + 7}", page.QuerySelector($"section[data-stage={ClientStage.Applied}] h2")!.TextContent);
    }

    [Fact]
    public async Task Each_card_shows_the_next_step_of_its_stage_and_clients_whose_season_is_over_are_only_counted()
    {
        var consultant = await app.ConsultantAsync("board.steps@consultancy.test");
        var interviewing = await app.AddClientAsync(consultant.Id, ClientStage.Interviewing, "Ines", "Okoye", "ERAS 2028");
        await app.AddDeadlineAsync(interviewing, "Update the personal statement", new DateOnly(2030, 1, 5), category: DeadlineCategory.Documents);
        await app.AddDeadlineAsync(interviewing, "Interview at Example Valley", new DateOnly(2030, 1, 20), category: DeadlineCategory.Interview);
        var booked = await app.AddClientAsync(consultant.Id, ClientStage.CallBooked, "Karim", "Nasser", null);
        await app.AddClientAsync(consultant.Id, ClientStage.Withdrawn, "Gone", "Away", "ERAS 2028");
        await app.AddClientAsync(consultant.Id, ClientStage.Matched, "Happy", "Ending", "ERAS 2027");
        await app.AddClientAsync(consultant.Id, ClientStage.Matched, "Second", "Match", "ERAS 2027");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var page = await session.GetPageAsync("/Board");

        Assert.Contains("Next: Interview at Example Valley, 20 Jan 2030", page.QuerySelector($"#client-{interviewing}")!.TextContent);
        Assert.Contains("Next: No call booked: offer a time", page.QuerySelector($"#client-{booked}")!.TextContent);
        Assert.DoesNotContain("Gone Away", page.Body!.TextContent);
        Assert.DoesNotContain("Happy Ending", page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("section.board-column-end .board-card"));
        Assert.Equal("Matched 2", Normalised(page.QuerySelector($"section.board-column-end[data-stage={ClientStage.Matched}]")!.TextContent));
        Assert.Equal("Withdrawn 1", Normalised(page.QuerySelector($"section.board-column-end[data-stage={ClientStage.Withdrawn}]")!.TextContent));
        Assert.Contains("stage=Withdrawn", page.QuerySelector($"section.board-column-end[data-stage={ClientStage.Withdrawn}] a")!.GetAttribute("href"));
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> CardNames(IDocument page, ClientStage stage) =>
        page.QuerySelectorAll($"section[data-stage={stage}] .board-card a[href^='/Clients/Details']").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The SQL commands of a view that counts afresh, as the first view after any change does.</summary>
    private async Task<int> FirstViewQueriesAsync(BrowserlessSession session)
    {
        app.Services.GetRequiredService<CaseloadTotals>().CaseloadChanged();
        app.SqlCommands.Clear();
        await session.GetPageAsync("/Board");
        return app.SqlCommands.Count;
    }
}
