using System.Net;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consultancy.Tests.Web;

/// <summary>
/// The app as deployed (Production): it will not start with emailed links pointing at localhost, and no error page
/// shows a stack trace. The Identity pages answer malformed links and return addresses with a page, never a 5xx.
/// </summary>
public sealed class ProductionPostureTests(ProductionPostureTests.ProductionApp app) : IClassFixture<ProductionPostureTests.ProductionApp>
{
    /// <summary>The app in Production, over https, whose database can be made to fail its next commit.</summary>
    public sealed class ProductionApp : AppFactory
    {
        public FailingDatabase Database { get; } = new();

        public ProductionApp() => Environment = "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(Database.AddTo);
        }

        public BrowserlessSession NewSession() =>
            new(CreateDefaultClient(new Uri("https://crm.consultancy.test"), new CookieContainerHandler()));
    }

    private static readonly string[] StackTraceMarks = ["   at ", "Exception:", "StackTrace", ".cs:line", "Microsoft.AspNetCore.Diagnostics"];

    private static void AssertNoStackTrace(string body, string what) =>
        Assert.All(StackTraceMarks, mark => Assert.False(body.Contains(mark, StringComparison.Ordinal), $"{what} shows '{mark}':\n{body}"));

    [Fact]
    public void In_production_the_app_refuses_to_start_while_App_BaseUrl_is_the_localhost_default()
    {
        using var misconfigured = new AppFactory { Environment = "Production" }.With("App:BaseUrl", "http://localhost:5288");

        var refused = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        var validation = refused as OptionsValidationException ?? refused.InnerException as OptionsValidationException
            ?? throw new Xunit.Sdk.XunitException($"expected an options validation failure, got {refused}");
        Assert.Contains("App:BaseUrl", validation.Message);
        Assert.Contains("Production", validation.Message);
    }

    [Fact]
    public void A_base_url_that_is_not_an_absolute_http_address_stops_the_app_naming_the_key()
    {
        using var misconfigured = new AppFactory().With("App:BaseUrl", "crm.example.com");

        var refused = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("App:BaseUrl must be the absolute http(s) address", refused.ToString());
    }

    [Fact]
    public async Task A_failure_in_production_shows_the_error_page_without_a_stack_trace()
    {
        var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync("/Identity/Account/Login", "form#account",
            new() { ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = TestUsers.AdminPassword })).StatusCode);
        var form = await session.GetPageAsync("/Clients/Create");
        // A new client is several rows in one transaction; its commit fails.
        app.Database.FailCommit(1, dies: false);

        var failed = await session.SubmitAsync(form, "/Clients/Create", "main form", WebForms.NewClient("Failing", "Commit"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var body = await failed.Content.ReadAsStringAsync();
        Assert.Contains("<h1", body);
        AssertNoStackTrace(body, "the error page");
    }

    [Theory]
    [InlineData("/Identity/Account/ResetPassword?code=%25%25not-base64!!")]
    [InlineData("/Identity/Account/ResetPassword?code=abc")]
    [InlineData("/Identity/Account/ResetPassword")]
    [InlineData("/no/such/page")]
    [InlineData("/Clients/Details/not-a-number")]
    public async Task Malformed_links_in_production_get_a_page_without_a_stack_trace(string url)
    {
        var response = await app.NewSession().Http.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        AssertNoStackTrace(await response.Content.ReadAsStringAsync(), url);
    }

    [Fact]
    public async Task A_malformed_reset_link_says_the_link_is_not_valid_and_offers_a_new_one()
    {
        var page = await app.NewSession().GetPageAsync("/Identity/Account/ResetPassword?code=%25%25not-base64!!");

        Assert.Contains("This link is not complete or not valid", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/Identity/Account/ForgotPassword']"));
        Assert.Null(page.QuerySelector("form input[name='Input.Password']"));
    }

    [Fact]
    public async Task A_tampered_reset_code_posted_with_the_form_is_refused_with_a_message()
    {
        var session = app.NewSession();
        var form = await session.GetPageAsync("/Identity/Account/ResetPassword?code=YWJj");

        var response = await session.SubmitAsync(form, "/Identity/Account/ResetPassword?code=YWJj", "main form", new()
        {
            ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = "Another-Passw0rd!", ["Input.ConfirmPassword"] = "Another-Passw0rd!",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BrowserlessSession.ParseAsync(response);
        Assert.Contains("This link has expired or was already used", page.QuerySelector("[role=alert]")!.TextContent);
    }

    /// <summary>Every Identity page, asked with malformed query values as a visitor and as a signed-in user: never a 5xx.</summary>
    [Fact]
    public async Task Every_identity_page_answers_malformed_query_values_without_a_server_error()
    {
        const string malformed = "?code=%25%25!!&returnUrl=https%3A%2F%2Fevil.example&ReturnUrl=%2F%2Fevil.example&userId=%00&email=%0D%0A" +
                                 "&rememberMe=maybe&RememberMe=maybe&handler=nothing&provider=nowhere&pageHandler=x";
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.AreaName == "Identity")
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.Contains("/Identity/Account/ResetPassword", pages);
        Assert.Contains("/Identity/Account/Logout", pages);
        var visitor = app.NewSession();
        var signedIn = app.NewSession();
        await signedIn.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = TestUsers.AdminPassword });
        var token = (await signedIn.GetPageAsync("/Profile/Edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var (who, session) in new[] { ("visitor", visitor), ("signed in", signedIn) })
            {
                var got = await session.Http.GetAsync(page + malformed);
                if ((int)got.StatusCode >= 500) failures.Add($"GET {page} as {who}: {(int)got.StatusCode}");
            }
            var posted = await signedIn.Http.PostAsync(page + malformed, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Code"] = "%%!!", ["Input.Email"] = "\r\n", ["Input.Password"] = "x",
                ["Input.ConfirmPassword"] = "y", ["Input.RememberMe"] = "maybe", ["Input.TwoFactorCode"] = "abc", ["Input.RecoveryCode"] = "\0",
            }));
            if ((int)posted.StatusCode >= 500) failures.Add($"POST {page}: {(int)posted.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
