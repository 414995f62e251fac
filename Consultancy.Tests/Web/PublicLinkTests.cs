using System.Net;
using Consultancy.Tests.Support;

namespace Consultancy.Tests.Web;

/// <summary>The login-free links in emails, opened with tokens that are blank, damaged or made up.</summary>
public sealed class PublicLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string> BadTokens => new()
    {
        "%20", "%20%20%20", "%09", "not-a-token", "CfDJ8-not-a-real-token", "AAAA", "!!!", "..%2F..%2Fetc", "%E2%9C%93",
        new string('A', 3000), "CfDJ8" + new string('x', 200),
    };

    [Theory, MemberData(nameof(BadTokens))]
    public async Task Unsubscribe_with_a_bad_token_shows_a_clear_page_on_GET_and_POST(string token)
    {
        var anonymous = app.NewBrowserlessClient();

        await AssertLinkProblemAsync(await anonymous.GetAsync($"/u/{token}"), $"GET /u/{token}");
        await AssertLinkProblemAsync(await anonymous.PostAsync($"/u/{token}", OneClick()), $"POST /u/{token}");
    }

    [Theory, MemberData(nameof(BadTokens))]
    public async Task The_referee_page_with_a_bad_token_shows_a_clear_page_on_GET_and_POST(string token)
    {
        var anonymous = new BrowserlessSession(app.NewBrowserlessClient());

        await AssertLinkProblemAsync(await anonymous.Http.GetAsync($"/letters/r/{token}"), $"GET /letters/r/{token}");
        // The answer form carries an antiforgery token; any anonymous one (here from the sign-in page) is valid.
        var answer = await anonymous.PostAsync($"/letters/r/{token}", "/Identity/Account/Login", new() { ["answer"] = "Confirmed" });
        await AssertLinkProblemAsync(answer, $"POST /letters/r/{token}");
    }

    [Theory, MemberData(nameof(BadTokens))]
    public async Task The_stop_follow_ups_link_with_a_bad_token_shows_a_clear_page_on_GET_and_POST(string token)
    {
        var anonymous = app.NewBrowserlessClient();

        await AssertLinkProblemAsync(await anonymous.GetAsync($"/letters/stop/{token}"), $"GET /letters/stop/{token}");
        await AssertLinkProblemAsync(await anonymous.PostAsync($"/letters/stop/{token}", OneClick()), $"POST /letters/stop/{token}");
    }

    [Theory, MemberData(nameof(BadTokens))]
    public async Task The_manage_booking_page_with_a_bad_token_shows_a_clear_page(string token)
    {
        var anonymous = app.NewBrowserlessClient();

        foreach (var url in new[] { $"/book/manage/{token}", $"/book/manage/{token}/reschedule", $"/book/manage/{token}/reschedule/confirm" })
            await AssertLinkProblemAsync(await anonymous.GetAsync(url), $"GET {url}", "This link is not valid any more");
    }

    [Theory]
    [InlineData("/u/")]
    [InlineData("/letters/r/")]
    [InlineData("/letters/stop/")]
    public async Task A_link_cut_off_before_its_token_matches_no_public_page_and_never_errors(string url)
    {
        var response = await app.NewBrowserlessClient().GetAsync(url);

        // No public route matches, so it is treated like any unknown page: sign in first.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private static async Task AssertLinkProblemAsync(HttpResponseMessage response, string request, string message = "This link does not work")
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{request} answered {(int)response.StatusCode}");
        Assert.Contains(message, html);
    }
}
