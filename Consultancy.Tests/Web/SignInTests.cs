using System.Net;
using System.Text.RegularExpressions;
using Consultancy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Consultancy.Tests.Web;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Signing_in_through_the_login_form_opens_the_dashboard()
    {
        var consultant = await app.ConsultantAsync("signin@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var page = await session.GetPageAsync("/");

        Assert.Equal("Dashboard · Consultancy", page.Title);
        Assert.Contains("signin", page.QuerySelector("nav")!.TextContent);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var consultant = await app.ConsultantAsync("lockout@consultancy.test");
        var session = new BrowserlessSession(app.NewBrowserlessClient());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SubmitLoginAsync(session, consultant.Email, "Wrong-Password-99!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await SubmitLoginAsync(session, consultant.Email, consultant.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_without_saying_which_part_was_wrong()
    {
        var response = await SubmitLoginAsync(new BrowserlessSession(app.NewBrowserlessClient()), "nobody@consultancy.test", "Whatever-123!");
        Assert.Contains("Invalid email or password.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Self_registration_is_switched_off()
    {
        var response = await app.NewBrowserlessClient().GetAsync("/Identity/Account/Register");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_delete_their_own_account_because_it_owns_clients()
    {
        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("keeper@consultancy.test"));
        var response = await session.Http.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_invitation_without_an_email_address_is_refused_with_the_field_message()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var response = await admin.SubmitAsync("/Users/Invite", "main form", new() { ["Email"] = "", ["DisplayName"] = "No Address" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the person&#x27;s email address.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_second_sign_in_step_without_a_password_step_goes_back_to_sign_in()
    {
        foreach (var page in new[] { "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode" })
        {
            var response = await app.NewBrowserlessClient().GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task An_invited_consultant_sets_a_password_from_the_emailed_link_and_signs_in()
    {
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);
        var invited = await admin.SubmitAsync("/Users/Invite", "main form", new()
        {
            ["Email"] = "invitee@consultancy.test", ["DisplayName"] = "Ines Invitee", ["TimeZoneId"] = "Europe/Lisbon", ["Role"] = "Consultant",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await app.DispatchAsync();

        var link = await InvitationLinkAsync("invitee@consultancy.test");
        var visitor = new BrowserlessSession(app.NewBrowserlessClient());
        var reset = await visitor.SubmitAsync(new Uri(link).PathAndQuery, "main form", new()
        {
            ["Input.Email"] = "invitee@consultancy.test", ["Input.Password"] = "Chosen-Password-77!", ["Input.ConfirmPassword"] = "Chosen-Password-77!",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var session = await BrowserlessSession.SignInAsync(app, new TestUser("", "invitee@consultancy.test", "Chosen-Password-77!", default));
        var page = await session.GetPageAsync("/");
        Assert.Contains("Ines Invitee", page.QuerySelector("nav")!.TextContent);
        Assert.Contains("Times shown in Europe/Lisbon", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_deactivated_consultant_can_no_longer_sign_in()
    {
        var consultant = await app.ConsultantAsync("deactivated@consultancy.test");
        var admin = await BrowserlessSession.SignInAsync(app, app.Admin);

        var response = await admin.PostAsync($"/Users/Deactivate/{consultant.Id}", "/Users", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var attempt = await SubmitLoginAsync(new BrowserlessSession(app.NewBrowserlessClient()), consultant.Email, consultant.Password);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("Invalid email or password.", await attempt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_account_pages_refuse_a_phone_number_on_two_lines()
    {
        var consultant = await app.ConsultantAsync("account.lines@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var phone = await session.SubmitAsync("/Identity/Account/Manage", "form#profile-form", new() { ["Input.PhoneNumber"] = "+1 555 0100\r\n+1 555 0199" });

        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        var phonePage = await BrowserlessSession.ParseAsync(phone);
        Assert.Equal("“Phone number” must be on one line, without control characters.", phonePage.QuerySelector("[data-valmsg-for='Input.PhoneNumber']")!.TextContent.Trim());
        var account = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == consultant.Id));
        Assert.Equal((null, "account.lines@consultancy.test"), (account.PhoneNumber, account.Email));
    }

    private static Task<HttpResponseMessage> SubmitLoginAsync(BrowserlessSession session, string email, string password) =>
        session.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<string> InvitationLinkAsync(string email)
    {
        foreach (var file in Directory.GetFiles(app.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == email))
                return Regex.Match(message.TextBody!, @"https?://\S+").Value;
        }
        throw new InvalidOperationException($"No invitation to {email} in {app.MailDirectory}");
    }
}
