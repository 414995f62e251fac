using System.Security.Claims;
using System.Text;
using Consultancy.Application.Clients;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Domain;
using Consultancy.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

/// <summary>The pathway facts in the client CSV: export writes them, import reads them back, older files still import.</summary>
public sealed class ClientCsvPathwayTests : IAsyncLifetime
{
    private const string Experience = "hands-on: Mercy Hospital: Internal Medicine, Chicago: 2 | observership: Lakeside Clinic: 1";
    private ApplicationHarness _app = null!;
    private TestUser _maya = null!;

    public async Task InitializeAsync()
    {
        _app = await ApplicationHarness.StartAsync();
        _maya = await _app.ConsultantAsync("maya@consultancy.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> ClientWithPathwayAsync(ApplicationHarness app, TestUser user)
    {
        var id = await app.SendAsync(user, ClientBuilder.NewClient("Lina", "Haddad") with
        {
            Step1Result = ExamResult.Pass, Step1Attempts = 2, Step2CkScore = 241, Step2CkAttempts = 1, Step3Result = ExamResult.Scheduled,
            Mccqe1Result = ExamResult.Fail, Mccqe1Attempts = 3, OetResult = ExamResult.Pass, OetDate = new DateOnly(2026, 2, 10),
        });
        await app.SendAsync(user, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.HandsOn, Place = "Mercy Hospital: Internal Medicine, Chicago", Months = 2 });
        await app.SendAsync(user, new AddClinicalExperience { ClientId = id, Kind = ClinicalExperienceKind.Observership, Place = "Lakeside Clinic", Months = 1 });
        return id;
    }

    /// <summary>The export as the client list's download writes it: the rows stream while the request's scope is open.</summary>
    private static async Task<string> ExportAsync(ApplicationHarness app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, user.Role.ToString())], "Test")),
            RequestServices = scope.ServiceProvider,
        };
        var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportClientList(new GetClientList()));
        using var file = new MemoryStream();
        await ClientCsv.WriteAsync(file, rows, CancellationToken.None);
        return Encoding.UTF8.GetString(file.ToArray()).TrimStart('\uFEFF');
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<(ClientProfile Profile, ClientPathway Pathway)> ReadAsync(ApplicationHarness app, TestUser user, string email)
    {
        var id = await app.QueryAsync(db => db.Clients.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());
        var details = await app.SendAsync(user, new GetClientDetails(id));
        return (details.Profile, details.Pathway);
    }

    [Fact]
    public async Task The_export_writes_the_pathway_facts_and_imported_elsewhere_it_gives_the_same_client()
    {
        var id = await ClientWithPathwayAsync(_app, _maya);
        var email = await _app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Email).SingleAsync());

        var exported = await ExportAsync(_app, _maya);

        var header = exported.Split('\n')[0];
        foreach (var column in new[] { "Step 1 attempts", "Step 2 CK attempts", "USMLE Step 3", "MCCQE Part I attempts", "OET Medicine", "OET date", "Clinical experience" })
            Assert.Contains(column, header);
        Assert.Contains($"\"{Experience}\"", exported);

        await using var elsewhere = await ApplicationHarness.StartAsync();
        var other = await elsewhere.ConsultantAsync("maya@consultancy.test");
        var imported = await elsewhere.SendAsync(other, new ImportClients(Csv(exported)));
        Assert.Equal((1, 0), (imported.Added, imported.Updated));

        var (original, originalPathway) = await ReadAsync(_app, _maya, email);
        var (copy, copyPathway) = await ReadAsync(elsewhere, other, email);
        Assert.Equal(
            (original.Step1Attempts, original.Step2CkAttempts, original.Step3Result, original.Mccqe1Attempts, original.OetResult, original.OetDate),
            (copy.Step1Attempts, copy.Step2CkAttempts, copy.Step3Result, copy.Mccqe1Attempts, copy.OetResult, copy.OetDate));
        Assert.Equal((2, 1, ExamResult.Scheduled, 3, ExamResult.Pass, new DateOnly(2026, 2, 10)),
            (copy.Step1Attempts, copy.Step2CkAttempts, copy.Step3Result, copy.Mccqe1Attempts, copy.OetResult, copy.OetDate));
        Assert.Equal(originalPathway.ClinicalExperiences.Select(e => (e.Kind, e.Place, e.Months)), copyPathway.ClinicalExperiences.Select(e => (e.Kind, e.Place, e.Months)));
    }

    [Fact]
    public async Task Importing_the_export_again_changes_no_clinical_experience_and_an_edited_cell_replaces_the_list()
    {
        var id = await ClientWithPathwayAsync(_app, _maya);
        var exported = await ExportAsync(_app, _maya);
        var rows = await _app.QueryAsync(db => db.ClinicalExperiences.Where(e => e.ClientId == id).Select(e => e.Id).ToListAsync());
        var entries = await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ClinicalExperience)));

        var same = await _app.SendAsync(_maya, new ImportClients(Csv(exported)));

        Assert.Equal((0, 0, 1), (same.Added, same.Updated, same.Unchanged));
        Assert.Equal(rows, await _app.QueryAsync(db => db.ClinicalExperiences.Where(e => e.ClientId == id).Select(e => e.Id).ToListAsync()));
        Assert.Equal(entries, await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ClinicalExperience))));

        await _app.SendAsync(_maya, new ImportClients(Csv(exported.Replace("observership: Lakeside Clinic: 1", "research: Lakeside Clinic: 3"))));

        var pathway = (await _app.SendAsync(_maya, new GetClientDetails(id))).Pathway;
        Assert.Equal([(ClinicalExperienceKind.HandsOn, "Mercy Hospital: Internal Medicine, Chicago", 2), (ClinicalExperienceKind.Research, "Lakeside Clinic", 3)],
            pathway.ClinicalExperiences.Select(e => (e.Kind, e.Place, e.Months)));
        Assert.Equal(rows[0], pathway.ClinicalExperiences[0].Id);
        var timeline = (await _app.SendAsync(_maya, new GetClientDetails(id))).Timeline.Where(t => t.EntityType == nameof(ClinicalExperience)).ToList();
        Assert.Equal(1, timeline.Count(t => t.Action == AuditAction.Deleted));
        Assert.Equal(3, timeline.Count(t => t.Action == AuditAction.Created));
    }

    [Fact]
    public async Task A_file_without_the_new_columns_still_imports_and_leaves_the_pathway_facts_as_they_are()
    {
        var id = await ClientWithPathwayAsync(_app, _maya);
        var email = await _app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Email).SingleAsync());
        var old = "First name,Last name,Email,Phone,USMLE Step 1,Step 2 CK score,Season\n"
            + $"Lina,Haddad,{email},+1 416 555 0100,Pass,241,ERAS 2028\n"
            + "New,Arrival,new.arrival@applicant.test,,,,ERAS 2028\n";

        var result = await _app.SendAsync(_maya, new ImportClients(Csv(old)));

        Assert.Equal((1, 1), (result.Added, result.Updated));
        var (kept, keptPathway) = await ReadAsync(_app, _maya, email);
        Assert.Equal(("+1 416 555 0100", 2, 1, ExamResult.Scheduled, 3, ExamResult.Pass, new DateOnly(2026, 2, 10)),
            (kept.Phone, kept.Step1Attempts, kept.Step2CkAttempts, kept.Step3Result, kept.Mccqe1Attempts, kept.OetResult, kept.OetDate));
        Assert.Equal(2, keptPathway.ClinicalExperiences.Count);
        var (added, addedPathway) = await ReadAsync(_app, _maya, "new.arrival@applicant.test");
        Assert.Equal(((int?)null, (int?)null, ExamResult.NotTaken, ExamResult.NotTaken, (DateOnly?)null),
            (added.Step1Attempts, added.Step2CkAttempts, added.Step3Result, added.OetResult, added.OetDate));
        Assert.Empty(addedPathway.ClinicalExperiences);
    }

    [Fact]
    public async Task The_preview_shows_each_rows_pathway_errors_and_nothing_is_imported()
    {
        var file = "First name,Last name,Email,USMLE Step 1,Step 1 attempts,OET Medicine,OET date,Clinical experience\n"
            + "Good,Row,good.row@applicant.test,Pass,2,Pass,2026-01-05,hands-on: Mercy Hospital: 2\n"
            + "Bad,Kind,bad.kind@applicant.test,,,,,surgery: Mercy Hospital: 2\n"
            + "Bad,Months,bad.months@applicant.test,,,,,observership: Lakeside Clinic: 99 | research: Lab\n"
            + "Bad,Attempts,bad.attempts@applicant.test,Pass,ten,,,\n"
            + "Bad,Oet,bad.oet@applicant.test,,,Scheduled,2027-05-01,\n";

        var preview = await _app.SendAsync(_maya, new PreviewClientImport(Csv(file)));

        Assert.False(preview.CanImportAll);
        Assert.Equal([3, 4, 5, 6], preview.RowsWithErrors.Select(r => r.RowNumber));
        Assert.Contains("the kind is one of observership; externship; hands-on; research, not “surgery”", Assert.Single(preview.Rows[1].Errors));
        var months = Assert.Single(preview.Rows[2].Errors);
        Assert.Contains("Clinical experience, entry 1: Clinical experience lasts from 1 to 60 months", months);
        Assert.Contains("Clinical experience, entry 2: write it as kind: place: months", months);
        Assert.Contains("Step 1 attempts: enter a whole number, not “ten”.", preview.Rows[3].Errors);
        Assert.Contains(preview.Rows[4].Errors, e => e.Contains("cannot be in the future"));
        Assert.Contains(preview.Rows[4].Errors, e => e.Contains("only with its result"));
        await Assert.ThrowsAsync<Consultancy.Application.Common.Exceptions.ValidationException>(() => _app.SendAsync(_maya, new ImportClients(Csv(file))));
        Assert.Equal(0, await _app.QueryAsync(db => db.Clients.CountAsync()));
    }
}
