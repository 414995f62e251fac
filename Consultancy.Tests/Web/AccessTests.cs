using System.Net;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Consultancy.Web.Infrastructure;
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
    public void The_routes_open_without_login_are_exactly_the_public_list()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e))
            .Select(e => e.RoutePattern.RawText!).ToHashSet();
        var listed = PublicEndpoints.Routes.Select(r => r.Route).ToHashSet();

        Assert.Empty(open.Except(listed));
        // A listed route that no longer exists is a stale entry: the list must say what is really public.
        Assert.Empty(listed.Except(open));
        Assert.Equal(listed.Count, PublicEndpoints.Routes.Count);
    }

    [Fact]
    public async Task Every_public_page_answers_an_anonymous_visitor_without_sending_them_to_sign_in()
    {
        var client = app.NewBrowserlessClient();
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e)))
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (!methods.Contains("GET")) continue;
            var url = UrlOf(endpoint);
            var response = await client.GetAsync(url);
            Assert.False(response.Headers.Location?.OriginalString.Contains("/Identity/Account/Login", StringComparison.Ordinal) == true && !url.StartsWith("/Identity/Account/Log", StringComparison.Ordinal),
                $"GET {url} sent an anonymous visitor to sign in");
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
        }
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
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
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
        // The Identity UI marks these anonymous by default; the app does not use them, so they need a sign-in.
        Assert.Contains("GET /Identity/Account/ExternalLogin", visited);
        Assert.Contains("GET /Identity/Account/ConfirmEmail", visited);
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
        if (pattern.Parameters.Any(p => p.Name == "controller") && pattern.RequiredValues.GetValueOrDefault("controller") is string controller && pattern.RequiredValues.GetValueOrDefault("action") is string action)
            return $"/{controller}/{action}" + (pattern.Parameters.Any(p => p.Name == "id") ? "/1" : "");
        return "/" + string.Join("/", pattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "1"))));
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
}
