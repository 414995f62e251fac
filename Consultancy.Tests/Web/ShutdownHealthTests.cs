using System.Net;
using Consultancy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultancy.Tests.Web;

/// <summary>A load balancer polling /health stops sending traffic as soon as the app begins to shut down.</summary>
public sealed class ShutdownHealthTests
{
    [Fact]
    public async Task Health_answers_503_once_the_app_begins_stopping()
    {
        await using var app = new AppFactory();
        var client = app.NewBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // The host closes its server right after the stopping callbacks, so the check is made from one of them:
        // that is the window in which a load balancer must already be told to stop sending traffic.
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        HttpResponseMessage? whileStopping = null;
        using (lifetime.ApplicationStopping.Register(() => whileStopping = client.GetAsync("/health").GetAwaiter().GetResult()))
            lifetime.StopApplication();

        Assert.NotNull(whileStopping);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileStopping.StatusCode);
        Assert.Equal("Unhealthy", await whileStopping.Content.ReadAsStringAsync());
    }
}
