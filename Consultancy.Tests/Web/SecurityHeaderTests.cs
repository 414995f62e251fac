using System.Net;
using Consultancy.Tests.Support;
using Consultancy.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consultancy.Tests.Web;

public sealed class SecurityHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Pages, a static file, error pages, a public link and the health check: each kind of answer the app gives.</summary>
    private static readonly string[] AnonymousSample =
        ["/Identity/Account/Login", "/Identity/Account/ForgotPassword", "/css/site.css", "/js/site.js", "/health", "/Error/404", "/Error", "/u/not-a-token",
         "/letters/r/not-a-token", "/letters/stop/%20", "/Clients"];

    private static readonly string[] SignedInSample = ["/Clients", "/Clients/Create", "/Outbox", "/Clients/Details/999999", "/no/such/page", "/Identity/Account/Manage"];

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var anonymous = app.NewBrowserlessClient();
        foreach (var url in AnonymousSample) AssertSecurityHeaders(await anonymous.GetAsync(url), $"GET {url}");

        var session = await BrowserlessSession.SignInAsync(app, await app.ConsultantAsync("headers@consultancy.test"));
        foreach (var url in SignedInSample) AssertSecurityHeaders(await session.Http.GetAsync(url), $"GET {url} signed in");
        AssertSecurityHeaders(await session.Http.PostAsync("/Clients/Create", new FormUrlEncodedContent([])), "POST without antiforgery");
    }

    [Fact]
    public async Task In_development_cookies_are_HttpOnly_and_SameSite_and_follow_the_request_scheme_and_there_is_no_HSTS()
    {
        var client = app.NewBrowserlessClient();
        var login = await client.GetAsync("/Identity/Account/Login");
        var signIn = await SignInAsync(new BrowserlessSession(client), TestUsers.AdminEmail, TestUsers.AdminPassword);

        var cookies = SetCookies(login).Concat(SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("Consultancy.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("Consultancy.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, AssertHttpOnlyAndSameSite);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c.ToLowerInvariant().Split("; ")));
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task In_production_every_cookie_is_Secure_and_https_answers_carry_HSTS()
    {
        await using var production = new AppFactory { Environment = "Production" };
        var client = production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://crm.consultancy.test"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var session = new BrowserlessSession(client);

        var login = await client.GetAsync("/Identity/Account/Login");
        var signIn = await SignInAsync(session, TestUsers.AdminEmail, TestUsers.AdminPassword);
        var page = await session.GetPageAsync("/Clients/Create");
        var saved = await session.SubmitAsync(page, "/Clients/Create", "main form", WebForms.NewClient("Secure", "Cookie"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var cookies = new[] { login, signIn, saved }.SelectMany(SetCookies).ToList();
        Assert.Contains(cookies, c => c.StartsWith("Consultancy.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("Consultancy.Antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, AssertHttpOnlyAndSameSite);
        Assert.All(cookies, c => Assert.Contains("secure", c.ToLowerInvariant().Split("; ")));
        Assert.StartsWith("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single());
        AssertSecurityHeaders(login, "production sign-in page");
        AssertSecurityHeaders(await client.GetAsync("/Error"), "production error page");
    }

    private static async Task<HttpResponseMessage> SignInAsync(BrowserlessSession session, string email, string password)
    {
        var response = await session.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static void AssertHttpOnlyAndSameSite(string cookie)
    {
        var attributes = cookie.ToLowerInvariant().Split("; ");
        Assert.True(attributes.Contains("httponly"), $"not HttpOnly: {cookie}");
        Assert.True(attributes.Contains("samesite=lax") || attributes.Contains("samesite=strict"), $"SameSite missing or None: {cookie}");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string request)
    {
        Assert.True((int)response.StatusCode < 500, $"{request} answered {(int)response.StatusCode}");
        var csp = Header(response, "Content-Security-Policy", request);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", request));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy", request));
        Assert.Equal("DENY", Header(response, "X-Frame-Options", request));
    }

    private static string Header(HttpResponseMessage response, string name, string request) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{request} ({(int)response.StatusCode}) has no {name} header");
}
