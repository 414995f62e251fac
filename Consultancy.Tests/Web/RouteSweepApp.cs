using Consultancy.Application.Clients;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Deadlines;
using Consultancy.Application.Letters;
using Consultancy.Application.ProgramApplications;
using Consultancy.Application.Programs;
using Consultancy.Application.StrategyCalls;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultancy.Tests.Web;

/// <summary>The kind of record an endpoint's id names.</summary>
public enum IdNames { Client, Deadline, Call, Letter, OutboxMessage, Consultant, User, Season, PlaybookItem, SeasonPlanRun, Program, Application, ClinicalExperience }

/// <summary>One consultant's caseload: a client with a note, clinical experience, a deadline (with planned reminder emails) and an overdue one, a call, a requested letter and an application.</summary>
public sealed record Caseload(TestUser Owner, int ClientId, int DeadlineId, int CallId, int LetterId, long OutboxMessageId, string BookingSlug,
    string RefereeToken, int ApplicationId)
{
    public int ClinicalExperienceId { get; init; }
}

/// <summary>
/// The app for the route sweeps, set up once: an admin, consultant A with an empty caseload, and consultants
/// B and C each owning a full caseload. No background jobs run, so the database changes only by the requests
/// under test (on PostgreSQL a running scheduler would also write its check-ins to Quartz's tables).
/// </summary>
public sealed class RouteSweepApp : AppFactory, IAsyncLifetime
{
    public Caseload B { get; private set; } = null!;
    public Caseload C { get; private set; } = null!;
    public BrowserlessSession AdminSession { get; private set; } = null!;
    public BrowserlessSession ConsultantA { get; private set; } = null!;
    public int SeasonId { get; private set; }
    public int PlaybookItemId { get; private set; }
    /// <summary>A program of the shared directory, added by consultant B: every consultant sees it.</summary>
    public int ProgramId { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var jobs in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true).ToList())
                services.Remove(jobs);
        });
    }

    public async Task InitializeAsync()
    {
        B = await CaseloadAsync(await ConsultantAsync("sweep.b@consultancy.test"), "sweep-b");
        C = await CaseloadAsync(await ConsultantAsync("sweep.c@consultancy.test"), "sweep-c");
        (SeasonId, PlaybookItemId) = await this.QueryAsync(async db => (
            await db.Seasons.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.PlaybookItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()));
        ProgramId = await Services.SendAsAsync(B.Owner, new CreateProgram
        {
            Name = "Sweep Valley Medical Center — Internal Medicine", Specialty = "Internal Medicine", Country = "United States",
            StateOrProvince = "IL", Identifier = "1409990999",
        });
        AdminSession = await BrowserlessSession.SignInAsync(this, Admin);
        ConsultantA = await BrowserlessSession.SignInAsync(this, await ConsultantAsync("sweep.a@consultancy.test"));
    }

    private async Task<Caseload> CaseloadAsync(TestUser owner, string slug)
    {
        await Services.OpenBookingAsync(owner, slug);
        var client = ClientBuilder.NewClient("Sweep", slug);
        var clientId = await Services.SendAsAsync(owner, client);
        await Services.SendAsAsync(owner, new AddClientNote(clientId, "First call went well."));
        var experienceId = await Services.SendAsAsync(owner, new AddClinicalExperience
        {
            ClientId = clientId, Kind = Consultancy.Application.Domain.ClinicalExperienceKind.HandsOn, Place = "Mercy Hospital, Chicago IL", Months = 2,
        });
        var deadlineId = await Services.SendAsAsync(owner, new AddDeadline
        {
            ClientId = clientId, Title = "Submit MyERAS application", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)),
        });
        // Overdue, so the deadlines list opens on it with its row's forms.
        await Services.SendAsAsync(owner, new AddDeadline
        {
            ClientId = clientId, Title = "Return the signed agreement", DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)),
        });
        var callId = await Services.SendAsAsync(owner, new BookCallForClient
        {
            ClientId = clientId, Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), Time = new TimeOnly(10, 0),
        });
        var letter = LetterBuilder.NewLetter(clientId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        var letterId = await Services.SendAsAsync(owner, letter);
        // Requested, so it is on the letters waiting with its row's forms.
        await Services.SendAsAsync(owner, new SendLetterRequest(letterId));
        string refereeToken;
        using (var scope = Services.CreateScope())
            refereeToken = new Uri(scope.ServiceProvider.GetRequiredService<ILetterLinks>().RefereePage(letterId, letter.RefereeEmail)).AbsolutePath.Split('/').Last();
        var messageId = await this.QueryAsync(db => db.OutboxMessages.Where(m => m.ClientId == clientId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var programId = await Services.SendAsAsync(owner, new CreateProgram
        {
            Name = $"Applied Valley Hospital — {slug}", Specialty = "Internal Medicine", Country = "United States", Identifier = $"140999{slug.Length}{slug[^1]}",
        });
        await Services.SendAsAsync(owner, new AddApplications(clientId, client.Season!, [programId]));
        var applicationId = await this.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId).Select(a => a.Id).SingleAsync());
        return new Caseload(owner, clientId, deadlineId, callId, letterId, messageId, slug, refereeToken, applicationId) { ClinicalExperienceId = experienceId };
    }

    /// <summary>The id of <paramref name="kind"/> in a caseload, as a URL segment.</summary>
    public string IdOf(IdNames kind, Caseload caseload) => kind switch
    {
        IdNames.Client => caseload.ClientId.ToString(),
        IdNames.Deadline => caseload.DeadlineId.ToString(),
        IdNames.Call => caseload.CallId.ToString(),
        IdNames.Letter => caseload.LetterId.ToString(),
        IdNames.OutboxMessage => caseload.OutboxMessageId.ToString(),
        IdNames.Consultant or IdNames.User => caseload.Owner.Id,
        IdNames.Season => SeasonId.ToString(),
        IdNames.PlaybookItem => PlaybookItemId.ToString(),
        IdNames.SeasonPlanRun => Guid.NewGuid().ToString(),
        IdNames.Program => ProgramId.ToString(),
        IdNames.Application => caseload.ApplicationId.ToString(),
        IdNames.ClinicalExperience => caseload.ClinicalExperienceId.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public IReadOnlyDictionary<string, string> Fingerprint(params string[] ignoredTables) => DatabaseFingerprint.Take(Services.GetRequiredService<IConfiguration>(), ignoredTables);

    public IEnumerable<RouteEndpoint> Endpoints() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    public static ControllerActionDescriptor? ActionOf(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
