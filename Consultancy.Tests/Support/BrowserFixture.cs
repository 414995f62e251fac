using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Consultancy.Tests.Support;

/// <summary>
/// The real app on a loopback port and Debian's chromium driven by Playwright. Browsers cannot be
/// downloaded here, so tests use /usr/bin/chromium; without it they skip and say so.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly bool ChromiumInstalled = File.Exists(ChromiumPath);
    public const string SkipReason = "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium); browser tests cannot run.";

    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
    public AppFactory App { get; }
    public BrowserFixture() : this("Development") { }
    protected BrowserFixture(string environment) => App = new AppFactory { Clock = Clock, Environment = environment };
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled) return;
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these chromium tries to reach Google's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> SignedInPageAsync(TestUser user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // An assertion that polls the address: WaitForURLAsync can miss the load event it waits for
        // (microsoft/playwright-dotnet#3364) and then times out on a page that has long loaded.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login"));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        await App.DisposeAsync();
    }
}

/// <summary>The app as deployed (Production: Secure-only cookies, HSTS), served over plain http on loopback.</summary>
public sealed class ProductionBrowserFixture() : BrowserFixture("Production");

/// <summary>
/// The app with the demo data a new installation can seed (two consultants, forty clients with deadlines, letters,
/// booking pages): every page has something on it, as a consultant's day would.
/// </summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    public const string DemoPassword = "Demo-Password-42!";

    public DemoBrowserFixture()
    {
        App.With("Seed:Demo", "true").With("Seed:DemoPassword", DemoPassword);
    }

    /// <summary>Maya Patel, the first demo consultant (America/New_York), who has a public booking page at /book/maya-patel.</summary>
    public static TestUser Maya => new("", "consultant1@example.com", DemoPassword, Consultancy.Application.Domain.UserRole.Consultant);
}
