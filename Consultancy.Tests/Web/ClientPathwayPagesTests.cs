using System.Net;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Tests.Web;

/// <summary>The pathway facts through the client forms and page, as a consultant's browser posts them.</summary>
public sealed class ClientPathwayPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Bad_pathway_input_on_the_client_form_shows_it_again_with_messages_and_writes_nothing()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pathway1@consultancy.test"));
        var fields = new Dictionary<string, string>(WebForms.NewClient("Nadia", "Rahman"))
        {
            ["Step1Result"] = "Pass", ["Step1Attempts"] = "12", ["Step2CkAttempts"] = "0", ["Mccqe1Attempts"] = "3",
            ["OetResult"] = "NotTaken", ["OetDate"] = "2025-04-01",
        };

        var response = await session.SubmitAsync("/Clients/Create", "main form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Contains("Step 1 attempts is a number from 1 to 9", page.QuerySelector("[data-valmsg-for=Step1Attempts]")!.TextContent);
        Assert.Contains("Step 2 CK attempts is a number from 1 to 9", page.QuerySelector("[data-valmsg-for=Step2CkAttempts]")!.TextContent);
        Assert.Contains("MCCQE Part I attempts are for an exam that was taken", page.QuerySelector("[data-valmsg-for=Mccqe1Attempts]")!.TextContent);
        Assert.Contains("only with its result", page.QuerySelector("[data-valmsg-for=OetDate]")!.TextContent);

        // Values that are no number, date or choice at all: the form again with a message on each, not an error page.
        var unreadable = new Dictionary<string, string>(fields)
        {
            ["Step1Attempts"] = "many", ["Step3Result"] = "NotAValue", ["Mccqe1Attempts"] = "99999999999999", ["OetDate"] = "2025-02-30",
        };
        var again = await session.SubmitAsync("/Clients/Create", "main form", unreadable);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        page = await BrowserlessSession.ParseAsync(again);
        foreach (var field in new[] { "Step1Attempts", "Step3Result", "Mccqe1Attempts", "OetDate" })
            Assert.NotEmpty(page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent.Trim());
        Assert.Equal(0, await CountAsync(db => db.Clients.CountAsync(c => c.LastName == "Rahman")));
    }

    [Fact]
    public async Task The_edit_form_saves_the_pathway_facts_and_the_client_page_shows_them_with_years_since_graduation()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pathway2@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", new Dictionary<string, string>(WebForms.NewClient("Karim", "Aziz"))
        {
            ["GraduationYear"] = "2018", ["Season"] = "ERAS 2031",
        });
        var clientPage = created.Headers.Location!.OriginalString;
        var id = clientPage.Split('/').Last();

        var saved = await session.SubmitAsync($"/Clients/Edit/{id}", "main form", new Dictionary<string, string>
        {
            ["Step1Result"] = "Pass", ["Step1Attempts"] = "2", ["Step2CkScore"] = "239", ["Step2CkAttempts"] = "1", ["Step3Result"] = "Pass",
            ["OetResult"] = "Pass", ["OetDate"] = "2026-01-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await session.GetPageAsync(clientPage);
        var exams = page.QuerySelector("section[aria-labelledby=exams-heading]")!.TextContent;
        Assert.Contains("Pass · ", exams);
        Assert.Contains("2 attempts", exams);
        Assert.Contains("239", exams);
        Assert.Contains("1 attempt", exams);
        Assert.Contains("OET Medicine", exams);
        // ERAS 2031 is no season here: its applications go out in 2030, twelve years after 2018.
        Assert.Equal("12 (for ERAS 2031 applications in 2030)", Normalised(page.QuerySelector("#years-since-graduation")!.TextContent));
    }

    [Fact]
    public async Task Clinical_experience_is_added_from_the_client_page_refused_when_bad_and_removed()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("pathway3@consultancy.test"));
        var created = await session.SubmitAsync("/Clients/Create", "main form", WebForms.NewClient("Leila", "Haddad"));
        var clientPage = created.Headers.Location!.OriginalString;

        foreach (var (place, months) in new[] { ("", "2"), ("Mercy Hospital", "61"), ("Mercy Hospital", "two"), (new string('x', 201), "2") })
        {
            var refused = await session.SubmitAsync(clientPage, "form[action*=AddClinicalExperience]", new() { ["Kind"] = "HandsOn", ["Place"] = place, ["Months"] = months });
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            var back = await session.GetPageAsync(refused.Headers.Location!.OriginalString);
            Assert.NotNull(back.QuerySelector(".alert-danger"));
        }
        var badKind = await session.SubmitAsync(clientPage, "form[action*=AddClinicalExperience]", new() { ["Kind"] = "Surgery", ["Place"] = "Mercy", ["Months"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, badKind.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.ClinicalExperiences.CountAsync(e => e.Client!.LastName == "Haddad")));

        var added = await session.SubmitAsync(clientPage, "form[action*=AddClinicalExperience]", new() { ["Kind"] = "HandsOn", ["Place"] = "Mercy Hospital, Chicago IL", ["Months"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await session.SubmitAsync(clientPage, "form[action*=AddClinicalExperience]", new() { ["Kind"] = "Observership", ["Place"] = "Lakeside Clinic", ["Months"] = "1" });

        var page = await session.GetPageAsync(clientPage);
        Assert.Equal("3", page.QuerySelector("#clinical-experience-total")!.TextContent.Trim());
        Assert.Contains("Hands-on (electives and externships): 2 of 3 months.", Normalised(page.QuerySelector("#clinical-experience-hands-on")!.TextContent));
        Assert.Contains("Clinical experience added", page.QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent);

        var removed = await session.SubmitAsync(page, clientPage, "form[action*=RemoveClinicalExperience]", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        page = await session.GetPageAsync(clientPage);
        Assert.Equal("1", page.QuerySelector("#clinical-experience-total")!.TextContent.Trim());
        Assert.Contains("Clinical experience removed", page.QuerySelector("section[aria-labelledby=timeline-heading]")!.TextContent);
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<int> CountAsync(Func<AppDbContext, Task<int>> count) => app.QueryAsync(count);
}
