using System.Net;
using Consultancy.Tests.Support;
using Consultancy.Web.Infrastructure;

namespace Consultancy.Tests.Web;

/// <summary>Each limited endpoint, with a low configured limit: the request after the limit gets a friendly 429.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly AppFactory _app = new AppFactory()
        .With("RateLimits:SignIn:PermitLimit", Limit.ToString())
        .With("RateLimits:PasswordReset:PermitLimit", Limit.ToString())
        .With("RateLimits:PublicLinks:PermitLimit", Limit.ToString());

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_Retry_After_and_a_friendly_page_while_the_form_still_loads()
    {
        var session = new BrowserlessSession(_app.NewBrowserlessClient());
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var wrong = await session.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = "guess@consultancy.test", ["Input.Password"] = $"guess-{attempt}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await session.SubmitAsync("/Identity/Account/Login", "form#account", new() { ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = TestUsers.AdminPassword });

        await AssertTooManyRequestsAsync(refused);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/Identity/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Password_reset_requests_beyond_the_limit_get_429()
    {
        var session = new BrowserlessSession(_app.NewBrowserlessClient());
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var asked = await session.SubmitAsync("/Identity/Account/ForgotPassword", "main form", new() { ["Input.Email"] = $"someone{attempt}@consultancy.test" });
            Assert.True(asked.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"attempt {attempt}: {(int)asked.StatusCode}");
        }

        await AssertTooManyRequestsAsync(await session.SubmitAsync("/Identity/Account/ForgotPassword", "main form", new() { ["Input.Email"] = "last@consultancy.test" }));
    }

    [Theory]
    [InlineData("/u/not-a-token")]
    [InlineData("/letters/r/not-a-token")]
    [InlineData("/letters/stop/not-a-token")]
    public async Task Public_links_beyond_the_limit_get_429_for_GET_and_POST_alike(string url)
    {
        var anonymous = _app.NewBrowserlessClient();
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            var response = attempt % 2 == 0 ? await anonymous.GetAsync(url) : await anonymous.PostAsync(url, new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"attempt {attempt}: {(int)response.StatusCode}");
        }

        await AssertTooManyRequestsAsync(await anonymous.GetAsync(url));
        await AssertTooManyRequestsAsync(await anonymous.PostAsync(url, new FormUrlEncodedContent([])));
    }

    [Fact]
    public void Every_policy_name_is_declared_once_including_the_one_reserved_for_the_booking_pages()
    {
        var names = RateLimits.Policies.Select(p => p.Name).ToList();

        Assert.Equal(names.Distinct(), names);
        Assert.Equal([RateLimitPolicyNames.SignIn, RateLimitPolicyNames.PasswordReset, RateLimitPolicyNames.PublicLinks, RateLimitPolicyNames.Booking], names);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", html);
        Assert.Contains("Please wait", html);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
