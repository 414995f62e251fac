#:package Microsoft.Playwright
#:property PublishAot=false

// Takes the README's screenshots from a running, demo-seeded app with Debian's chromium. Started by
// regenerate.sh, which starts and stops the app and passes: the app's base URL, the folder to write to,
// and (in the environment) the admin's and the demo consultants' sign-in and the app's email pickup folder.
using System.Text.RegularExpressions;
using Microsoft.Playwright;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run Screenshots.cs -- <base url> <output folder>");
    return 2;
}
var baseUrl = args[0].TrimEnd('/');
var output = Directory.CreateDirectory(args[1]).FullName;
var mail = Required("SCREENSHOTS_MAIL_DIR");
var admin = (Email: Required("SCREENSHOTS_ADMIN_EMAIL"), Password: Required("SCREENSHOTS_ADMIN_PASSWORD"));
var consultant = (Email: "consultant1@example.com", Password: Required("SCREENSHOTS_DEMO_PASSWORD"));

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    // Without these chromium tries to reach Google's services.
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// Sign-in, as a visitor sees it; then one mistyped password, so the security log has a failure to show.
var visitor = await NewPageAsync();
await visitor.GotoAsync("/Identity/Account/Login");
await ShotAsync(visitor, "sign-in.png");
await SignInAsync(visitor, consultant.Email, "not-the-password", succeeds: false);
await visitor.Context.CloseAsync();

// A consultant's day: dashboard, caseload, one client with deadlines and letters, deadlines, letters waiting.
var maya = await NewPageAsync();
await SignInAsync(maya, consultant.Email, consultant.Password);
await maya.GotoAsync("/");
await ShotAsync(maya, "dashboard.png", fullPage: true);
await maya.GotoAsync("/Clients");
await ShotAsync(maya, "client-list.png", fullPage: true);

await OpenClientWithLettersAsync(maya, "Hira Khan");
// Down to the end of the main column; the activity timeline beside it runs on much longer.
var notes = await maya.Locator("#notes").BoundingBoxAsync() ?? throw new InvalidOperationException("The client page has no notes section.");
await maya.ScreenshotAsync(new() { Path = Path.Combine(output, "client-page.png"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1280, Height = notes.Y + notes.Height + 24 } });
Console.WriteLine("  client-page.png");
await maya.Locator("#letters").ScreenshotAsync(new() { Path = Path.Combine(output, "letters.png") });
Console.WriteLine("  letters.png");

// The referee's page is reached only through the emailed link: resend one of this client's waiting
// requests and take the link from the message in the outbox.
var refereePath = await ResendLetterRequestAsync(maya);

await maya.GotoAsync("/Deadlines");
await maya.GetByRole(AriaRole.Link, new() { Name = "Upcoming", Exact = true }).ClickAsync();
await Assertions.Expect(maya).ToHaveURLAsync(new Regex("window=", RegexOptions.IgnoreCase));
await ShotAsync(maya, "deadlines.png", fullPage: true);
await maya.GotoAsync("/Letters");
await ShotAsync(maya, "letters-waiting.png", fullPage: true);
await maya.Context.CloseAsync();
var referee = await NewPageAsync();
await referee.GotoAsync(refereePath);
await ShotAsync(referee, "letter-referee.png");
await referee.GotoAsync("/book/maya-patel");
await ShotAsync(referee, "booking.png");
await referee.Context.CloseAsync();

// What an admin sees: the whole pipeline, the outbox, a season's key dates, the security log.
var adminPage = await NewPageAsync();
await SignInAsync(adminPage, admin.Email, admin.Password);
await adminPage.GotoAsync("/Board");
await ShotAsync(adminPage, "board.png");
await adminPage.GotoAsync("/Outbox");
await ShotAsync(adminPage, "outbox.png", fullPage: true);
await adminPage.GotoAsync("/Seasons");
await adminPage.GetByRole(AriaRole.Link, new() { Name = "ERAS 2028", Exact = true }).ClickAsync();
await Assertions.Expect(adminPage).ToHaveURLAsync(new Regex("/Seasons/Details", RegexOptions.IgnoreCase));
await ShotAsync(adminPage, "season.png");

// The demo's first reminders go out a few minutes after the first start; wait for all of them.
var firstMinutes = DateTime.UtcNow.AddMinutes(7);
while (true)
{
    await adminPage.GotoAsync("/Outbox?status=Sent&kind=Reminder");
    if (await adminPage.Locator("main table tbody tr").CountAsync() >= 3) break;
    if (DateTime.UtcNow > firstMinutes) throw new TimeoutException("The demo's first three reminders were not sent within 7 minutes.");
    Console.WriteLine("  waiting for the demo's first reminders to be sent ...");
    await Task.Delay(TimeSpan.FromSeconds(15));
}
await ShotAsync(adminPage, "outbox-demo-first-minutes.png");

// Privacy: a client's export, the danger zone at the foot of the page, and the same client erased (last:
// the consultant's screenshots show this client, and erasing cancels its pending reminders).
await OpenClientWithLettersAsync(adminPage, "Hira Khan");
var erasedName = (await adminPage.Locator("h1").TextContentAsync())!.Trim();
await adminPage.RunAndWaitForDownloadAsync(() => adminPage.GetByRole(AriaRole.Link, new() { Name = "Export data" }).ClickAsync());
await adminPage.Locator("#danger-zone").ScrollIntoViewIfNeededAsync();
await ShotAsync(adminPage, "client-danger-zone.png");
await adminPage.Locator("#confirmationName").FillAsync(erasedName);
await adminPage.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
await Assertions.Expect(adminPage.Locator("h1")).ToHaveTextAsync(new Regex("^Erased client #"));
await ShotAsync(adminPage, "client-erased.png");
await adminPage.GotoAsync("/SecurityLog");
await ShotAsync(adminPage, "security-log.png");
await adminPage.Context.CloseAsync();
return 0;

async Task<IPage> NewPageAsync()
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl,
        ViewportSize = new() { Width = 1280, Height = 900 },
        Locale = "en-US",
    });
    var page = await context.NewPageAsync();
    // Destructive or repeated actions ask first (data-confirm); the screenshots say yes.
    page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    return page;
}

async Task SignInAsync(IPage page, string email, string password, bool succeeds = true)
{
    await page.GotoAsync("/Identity/Account/Login");
    await page.GetByLabel("Email").FillAsync(email);
    await page.GetByLabel("Password").FillAsync(password);
    await page.Locator("#login-submit").ClickAsync();
    if (succeeds) await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Identity/Account/Login", RegexOptions.IgnoreCase));
    else await page.Locator("#account [role=alert]").WaitForAsync();
}

async Task ShotAsync(IPage page, string name, bool fullPage = false)
{
    await page.ScreenshotAsync(new() { Path = Path.Combine(output, name), FullPage = fullPage });
    Console.WriteLine($"  {name}");
}

// Searches the caseload for the name and opens the first match that has letters of recommendation.
async Task OpenClientWithLettersAsync(IPage page, string name)
{
    await page.GotoAsync("/Clients?search=" + Uri.EscapeDataString(name));
    var links = await page.Locator("table.table-clients tbody td > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
    foreach (var link in links)
    {
        await page.GotoAsync(link);
        if (await page.Locator("#letters table tbody tr").CountAsync() > 0) return;
    }
    throw new InvalidOperationException($"No client named {name} with letters in the caseload; is the app seeded with demo data?");
}

// Resends the first waiting request on the open client page and reads the referee's link from the email, once
// the outbox has sent it to the pickup folder (the outbox itself never shows personal links).
async Task<string> ResendLetterRequestAsync(IPage page)
{
    var sentBefore = Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").ToHashSet() : [];
    await page.Locator("#letters").GetByRole(AriaRole.Button, new() { Name = "Resend request" }).First.ClickAsync();
    var giveUp = DateTime.UtcNow.AddMinutes(2);
    while (DateTime.UtcNow < giveUp)
    {
        var sent = Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").Where(f => !sentBefore.Contains(f)) : [];
        foreach (var file in sent)
        {
            // Undo quoted-printable soft line breaks in case a long line was wrapped.
            var text = Regex.Replace(await File.ReadAllTextAsync(file), "=\r?\n", "");
            var link = Regex.Match(text, @"https?://[^\s""<>]+(/letters/r/[A-Za-z0-9_\-]+)");
            if (link.Success) return link.Groups[1].Value;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
    throw new TimeoutException("The resent letter request did not reach the pickup folder within 2 minutes.");
}

static string Required(string variable) =>
    Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set; run docs/screenshots/regenerate.sh.");
