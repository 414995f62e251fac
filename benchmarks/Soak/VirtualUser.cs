using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Consultancy.Benchmarks.Soak;

/// <summary>
/// One signed-in member of staff working through the day: reading the dashboard, lists, client pages and the
/// board, writing notes, and now and then taking on a new applicant with a deadline whose reminder falls due
/// during the run. Between steps it pauses as a person would.
/// </summary>
internal sealed partial class VirtualUser(string baseUrl, string email, string password, SoakTally tally, TimeOnly sendHour, Random random)
{
    private static readonly string[] SearchTerms = ["khan", "okafor", "sharma", "garcia", "wang", "santos", "hassan", "kim"];
    private readonly HttpClient _http = new(new LoopbackCookies())
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly HttpClient _anonymous = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<int> _clientIds = [];
    private string _token = "";
    private string? _lastLocation;

    public async Task RunAsync(TimeSpan pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var step = roll switch
            {
                < 15 => Get("dashboard", "/"),
                < 33 => ListAsync($"/Clients?page={1 + random.Next(5)}", "client list"),
                < 43 => ListAsync($"/Clients?search={SearchTerms[random.Next(SearchTerms.Length)]}", "client search"),
                < 60 => ClientPageAsync(),
                < 65 => Get("board", "/Board"),
                < 70 => Get("deadlines", "/Deadlines"),
                < 74 => Get("calls", "/Calls"),
                < 86 => AddNoteAsync(),
                < 92 => NewApplicantWithDeadlineAsync(),
                _ => Get("public booking page", "/book", anonymous: true),
            };
            await step;
            try { await Task.Delay(pause, stop); }
            catch (OperationCanceledException) { }
        }
    }

    public async Task SignInAsync()
    {
        var page = await SendAsync("sign-in page", HttpMethod.Get, "/Identity/Account/Login", null, HttpStatusCode.OK)
            ?? throw new InvalidOperationException("The sign-in page did not load; the run would measure nothing.");
        var signedIn = await SendAsync("sign in", HttpMethod.Post, "/Identity/Account/Login", new()
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = TokenOf(page),
        }, HttpStatusCode.Redirect);
        if (signedIn is null) throw new InvalidOperationException($"{email} could not sign in; the run would measure nothing.");
    }

    private async Task Get(string name, string path, bool anonymous = false) =>
        await SendAsync(name, HttpMethod.Get, path, null, HttpStatusCode.OK, anonymous);

    private async Task ListAsync(string path, string name)
    {
        var page = await SendAsync(name, HttpMethod.Get, path, null, HttpStatusCode.OK);
        if (page is null) return;
        foreach (Match match in ClientLink().Matches(page))
            if (_clientIds.Count < 200) _clientIds.Add(int.Parse(match.Groups[1].Value));
    }

    private async Task ClientPageAsync()
    {
        if (_clientIds.Count == 0) { await ListAsync("/Clients", "client list"); return; }
        var page = await SendAsync("client page", HttpMethod.Get, $"/Clients/Details/{Pick()}", null, HttpStatusCode.OK);
        if (page is not null) _token = TokenOf(page);
    }

    private async Task AddNoteAsync()
    {
        if (_clientIds.Count == 0 || _token.Length == 0) { await ClientPageAsync(); return; }
        await SendAsync("add note", HttpMethod.Post, $"/Clients/AddNote/{Pick()}", new()
        {
            ["body"] = $"Called about the personal statement draft ({DateTime.UtcNow:HH:mm:ss}).", ["__RequestVerificationToken"] = _token,
        }, HttpStatusCode.Redirect);
    }

    private async Task NewApplicantWithDeadlineAsync()
    {
        var form = await SendAsync("new client form", HttpMethod.Get, "/Clients/Create", null, HttpStatusCode.OK);
        if (form is null) return;
        var (zone, localToday, reminderDue) = ReminderZones.Next(DateTime.UtcNow, sendHour, TimeSpan.FromMinutes(1));
        var number = tally.NextApplicantNumber();
        var created = await SendAsync("add client", HttpMethod.Post, "/Clients/Create", new()
        {
            ["FirstName"] = "Soak", ["LastName"] = $"Applicant {number}", ["Email"] = $"soak.applicant.{number}@example.org",
            ["TimeZoneId"] = zone.Id, ["MedicalSchool"] = "University of Ibadan College of Medicine", ["MedicalSchoolCountry"] = "Nigeria",
            ["GraduationYear"] = "2022", ["TargetSystem"] = "0", ["Season"] = "ERAS 2028", ["__RequestVerificationToken"] = TokenOf(form),
        }, HttpStatusCode.Redirect);
        if (created is null || _lastLocation is not { } location || !int.TryParse(location.Split('/').Last(), out var clientId)) return;
        _clientIds.Add(clientId);

        var deadlineForm = await SendAsync("new deadline form", HttpMethod.Get, $"/Deadlines/Create?clientId={clientId}", null, HttpStatusCode.OK);
        if (deadlineForm is null) return;
        var added = await SendAsync("add deadline", HttpMethod.Post, "/Deadlines/Create", new()
        {
            ["ClientId"] = clientId.ToString(), ["Title"] = "Submit MyERAS application", ["Category"] = "Application",
            ["DueDate"] = localToday.AddDays(1).ToString("yyyy-MM-dd"), ["ReminderOffsets"] = "1",
            ["__RequestVerificationToken"] = TokenOf(deadlineForm),
        }, HttpStatusCode.Redirect);
        if (added is not null) tally.ReminderPlanned(reminderDue);
        await RequestLetterAsync(clientId, localToday);
    }

    /// <summary>Plans a letter of recommendation for the client and sends the referee the request email at once.</summary>
    private async Task RequestLetterAsync(int clientId, DateOnly localToday)
    {
        var letterForm = await SendAsync("new letter form", HttpMethod.Get, $"/Letters/Create?clientId={clientId}", null, HttpStatusCode.OK);
        if (letterForm is null) return;
        var number = tally.NextApplicantNumber();
        var planned = await SendAsync("add letter", HttpMethod.Post, "/Letters/Create", new()
        {
            ["ClientId"] = clientId.ToString(), ["RefereeName"] = "Dr. Amina Yusuf", ["RefereeEmail"] = $"soak.referee.{number}@example.org",
            ["Specialty"] = "Internal Medicine", ["System"] = "ERAS", ["IsUsCanadianPhysician"] = "true",
            ["DueDate"] = localToday.AddDays(30).ToString("yyyy-MM-dd"), ["__RequestVerificationToken"] = TokenOf(letterForm),
        }, HttpStatusCode.Redirect);
        if (planned is null) return;
        var clientPage = await SendAsync("client page", HttpMethod.Get, $"/Clients/Details/{clientId}", null, HttpStatusCode.OK);
        if (clientPage is null || LetterRequestForm().Match(clientPage) is not { Success: true } form) return;
        var sent = await SendAsync("send letter request", HttpMethod.Post, $"/Letters/SendRequest/{form.Groups[1].Value}", new()
        {
            ["__RequestVerificationToken"] = TokenOf(clientPage),
        }, HttpStatusCode.Redirect);
        if (sent is not null) tally.LetterRequested();
    }

    private int Pick() => _clientIds[random.Next(_clientIds.Count)];

    /// <summary>Sends one request and tallies it; answers the body, or null when the answer was not the expected one.</summary>
    private async Task<string?> SendAsync(string name, HttpMethod method, string path, Dictionary<string, string>? form, HttpStatusCode expected, bool anonymous = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await (anonymous ? _anonymous : _http).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            var ok = response.StatusCode == expected
                // A redirect to sign-in means the session was lost: an error, though the status looks right.
                && response.Headers.Location?.OriginalString.Contains("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase) != true;
            _lastLocation = response.Headers.Location?.OriginalString;
            tally.Record(name, watch.Elapsed, ok ? null : $"{method} {path} as {email}: {(int)response.StatusCode} {response.Headers.Location}");
            return ok ? body : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            tally.Record(name, watch.Elapsed, $"{method} {path} as {email}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    private static string TokenOf(string page) => Token().Match(page) is { Success: true } match ? match.Groups[1].Value : "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/Clients/Details/(\\d+)")]
    private static partial Regex ClientLink();

    [GeneratedRegex("/Letters/SendRequest/(\\d+)")]
    private static partial Regex LetterRequestForm();
}
