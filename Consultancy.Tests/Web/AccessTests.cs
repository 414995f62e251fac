using System.Net;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Web;

public sealed class AccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_ready()
    {
        var response = await app.NewBrowserlessClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Only_health_errors_unsubscribe_referee_links_booking_and_the_sign_in_pages_are_open_without_login()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e))
            .Select(e => e.RoutePattern.RawText!).Distinct().Order().ToList();

        Assert.Contains("/health", open);
        Assert.Contains("book/{slug}", open);
        Assert.All(open, route => Assert.True(
            route is "/health" or "Identity/Error" or "u/{token}" or "letters/r/{token}" or "letters/stop/{token}" or "calendar/{token}.ics" || route.StartsWith("Error", StringComparison.Ordinal)
            || route is "book" || route.StartsWith("book/", StringComparison.Ordinal)
            || (route.StartsWith("Identity/Account/", StringComparison.Ordinal) && !route.StartsWith("Identity/Account/Manage", StringComparison.Ordinal)),
            $"{route} is reachable without signing in"));
    }

    [Fact]
    public async Task Every_other_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var client = app.NewBrowserlessClient();
        var visited = new HashSet<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !IsStaticAsset(e)))
        {
            var url = UrlOf(endpoint);
            Assert.False(url.StartsWith("//"), $"{endpoint.DisplayName}: {endpoint.RoutePattern.RawText} gave {url}");
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {(int)response.StatusCode}");
                visited.Add($"{method} {url}");
                Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
            }
        }
        Assert.Contains("GET /Clients/Details/1", visited);
        Assert.Contains("POST /Clients/AddNote/1", visited);
        Assert.Contains("GET /Users/Index/1", visited);
        Assert.Contains("GET /Calls/Details/1", visited);
        Assert.Contains("POST /Calls/Cancel/1", visited);
        Assert.Contains("GET /Availability/Edit/1", visited);
        Assert.Contains("GET /Identity/Account/Manage/ChangePassword", visited);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var consultant = await app.ConsultantAsync("forgery@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var response = await session.Http.PostAsync("/Clients/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FirstName"] = "Forged", ["LastName"] = "Post", ["Email"] = "forged@applicant.test", ["TimeZoneId"] = "UTC",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_consultant_is_kept_out_of_user_administration()
    {
        var consultant = await app.ConsultantAsync("notadmin@consultancy.test");
        var session = await BrowserlessSession.SignInAsync(app, consultant);

        var response = await session.Http.GetAsync("/Users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Error/403", response.Headers.Location!.PathAndQuery);
    }

    /// <summary>A concrete URL for an endpoint: its controller and action, with 1 for every route parameter.</summary>
    private static string UrlOf(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern;
        if (pattern.RequiredValues.GetValueOrDefault("controller") is string controller && pattern.RequiredValues.GetValueOrDefault("action") is string action)
            return $"/{controller}/{action}" + (pattern.Parameters.Any(p => p.Name == "id") ? "/1" : "");
        return "/" + string.Join("/", pattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "1"))));
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
}
