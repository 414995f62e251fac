using System.Net;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>A client's applications through the pages, as a consultant's browser posts them.</summary>
public sealed class ApplicationPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Adding_an_application_and_recording_an_invite_show_on_the_clients_timeline_in_the_forms_words()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("applications1@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Omar", "Siddiqui"));
        var clientPage = created.Headers.Location!.OriginalString;
        var clientId = int.Parse(clientPage.Split('/')[^1]);
        var program = ProgramBuilder.Program("Timeline Internal Medicine");
        await app.QueryAsync(async db => { db.ResidencyPrograms.Add(program); await db.SaveChangesAsync(); return program.Id; });

        var added = await session.SubmitAsync($"/Applications/Find/{clientId}?allSpecialties=true", "form[action*='/Applications/Add/']",
            new() { ["programIds"] = program.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var applicationId = await app.QueryAsync(db => db.ProgramApplications.Where(a => a.ClientId == clientId).Select(a => a.Id).SingleAsync());
        var invited = await session.PostAsync($"/Applications/Status/{applicationId}", $"/Applications/Details/{applicationId}", new() { ["status"] = "InterviewInvited" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var timeline = (await session.GetPageAsync(clientPage)).QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent;
        Assert.Contains("Application added", timeline);
        Assert.Contains("Timeline Internal Medicine (Internal Medicine)", timeline);
        Assert.Contains("Application changed", timeline);
        Assert.Contains("Researching → Interview invited", timeline);
        Assert.DoesNotContain("InterviewInvited", timeline);
    }
}
