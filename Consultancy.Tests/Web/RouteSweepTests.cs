using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Consultancy.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Consultancy.Tests.Web;

/// <summary>
/// Sweeps over every route the app maps, found from ASP.NET Core's endpoint data source, so a route added
/// later is covered (or flagged) without anyone remembering to add a test for it.
/// </summary>
public sealed class RouteSweepTests(RouteSweepApp app) : IClassFixture<RouteSweepApp>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "\"><img src=x onerror=alert(1)>";
    private static readonly string[] RawMarkup = [Script, "<img src=x onerror=alert(1)>"];

    /// <summary>
    /// <see cref="Answer.Shared"/>: the id names a record of the consultancy's shared directory, which every consultant
    /// sees (200) and may edit, so another consultant's request is answered as the owner's would be; its posts are not
    /// swept here, since a valid one rightly changes the record.
    /// </summary>
    private enum Answer { NotFound, Forbidden, ListWithoutIt, Shared }

    private sealed record IdRoute(IdNames Names, Answer ToAnotherConsultant = Answer.NotFound);

    /// <summary>
    /// What the id of every endpoint with one names, and what another consultant gets. An endpoint with an id
    /// (route id, clientId, or a form's ClientId) that is missing here fails the ownership sweep.
    /// </summary>
    private static readonly Dictionary<string, IdRoute> IdRoutes = new()
    {
        ["Clients.Details"] = new(IdNames.Client), ["Clients.Edit"] = new(IdNames.Client),
        ["Clients.ExportDeadlines"] = new(IdNames.Client), ["Clients.ChangeStage"] = new(IdNames.Client),
        ["Clients.Assign"] = new(IdNames.Client, Answer.Forbidden), ["Clients.Archive"] = new(IdNames.Client),
        ["Clients.Restore"] = new(IdNames.Client), ["Clients.Reminders"] = new(IdNames.Client),
        ["Clients.ApplySeasonPlan"] = new(IdNames.Client), ["Clients.AddNote"] = new(IdNames.Client),
        ["Clients.ExportData"] = new(IdNames.Client), ["Clients.Erase"] = new(IdNames.Client, Answer.Forbidden),
        ["Clients.AddClinicalExperience"] = new(IdNames.Client), ["Clients.RemoveClinicalExperience"] = new(IdNames.ClinicalExperience),
        ["Board.Move"] = new(IdNames.Client),
        ["Calls.Details"] = new(IdNames.Call), ["Calls.Reschedule"] = new(IdNames.Call), ["Calls.Cancel"] = new(IdNames.Call),
        ["Calls.Outcome"] = new(IdNames.Call), ["Calls.Convert"] = new(IdNames.Call), ["Calls.Book"] = new(IdNames.Client),
        ["Deadlines.Edit"] = new(IdNames.Deadline), ["Deadlines.ChangeStatus"] = new(IdNames.Deadline),
        ["Deadlines.Delete"] = new(IdNames.Deadline), ["Deadlines.Create"] = new(IdNames.Client), ["Deadlines.SetStatus"] = new(IdNames.Deadline),
        ["Letters.BackToClient"] = new(IdNames.Letter), ["Letters.Edit"] = new(IdNames.Letter),
        ["Letters.SendRequest"] = new(IdNames.Letter), ["Letters.Status"] = new(IdNames.Letter),
        ["Letters.Delete"] = new(IdNames.Letter), ["Letters.Create"] = new(IdNames.Client),
        ["Letters.MarkUploaded"] = new(IdNames.Letter), ["Letters.Resend"] = new(IdNames.Letter), ["Letters.UndoUpload"] = new(IdNames.Letter),
        ["Outbox.Details"] = new(IdNames.OutboxMessage), ["Outbox.Retry"] = new(IdNames.OutboxMessage),
        ["Outbox.Cancel"] = new(IdNames.OutboxMessage), ["Outbox.Index"] = new(IdNames.Client, Answer.ListWithoutIt),
        // Another consultant's own settings: they exist (the booking page names them), they are just not yours.
        ["Availability.Edit"] = new(IdNames.Consultant, Answer.Forbidden),
        ["Users.ChangeRole"] = new(IdNames.User, Answer.Forbidden), ["Users.Deactivate"] = new(IdNames.User, Answer.Forbidden),
        ["Users.Reactivate"] = new(IdNames.User, Answer.Forbidden),
        ["Seasons.Details"] = new(IdNames.Season, Answer.Forbidden), ["Seasons.KeyDate"] = new(IdNames.Season, Answer.Forbidden),
        ["Seasons.ApplyToClients"] = new(IdNames.Season, Answer.Forbidden),
        ["Seasons.Invites"] = new(IdNames.Season, Answer.Forbidden), ["Seasons.SignalLimits"] = new(IdNames.Season, Answer.Forbidden),
        ["Seasons.RemoveSignalLimits"] = new(IdNames.Season, Answer.Forbidden), ["Seasons.Progress"] = new(IdNames.SeasonPlanRun, Answer.Forbidden),
        ["Playbooks.Delete"] = new(IdNames.PlaybookItem, Answer.Forbidden),
        ["Programs.Details"] = new(IdNames.Program, Answer.Shared), ["Programs.Edit"] = new(IdNames.Program, Answer.Shared),
        ["Applications.Index"] = new(IdNames.Client), ["Applications.Find"] = new(IdNames.Client), ["Applications.Add"] = new(IdNames.Client),
        ["Applications.Bulk"] = new(IdNames.Client), ["Applications.Details"] = new(IdNames.Application),
        ["Applications.Edit"] = new(IdNames.Application), ["Applications.Status"] = new(IdNames.Application),
        ["Applications.Schedule"] = new(IdNames.Application), ["Applications.Score"] = new(IdNames.Application),
        ["Applications.Remove"] = new(IdNames.Application),
        ["RankList.Index"] = new(IdNames.Client), ["RankList.Change"] = new(IdNames.Client), ["RankList.Certify"] = new(IdNames.Client),
        ["RankList.Print"] = new(IdNames.Client), ["RankList.Export"] = new(IdNames.Client),
    };

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused_with_400_and_writes_nothing()
    {
        // Each post carries the form its page shows (or the fields of the small forms), so only the token is missing.
        var forms = await DiscoverFormsAsync(app.AdminSession, app.C);
        var refused = new List<string>();
        var failures = new List<string>();
        foreach (var endpoint in PostEndpoints())
        {
            var url = UrlOf(endpoint, app.C);
            var fields = PlausibleForm(KeyOf(endpoint), forms);
            var before = app.Fingerprint();
            var response = await app.AdminSession.Http.PostAsync(url, new FormUrlEncodedContent(fields));
            if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"POST {url} answered {(int)response.StatusCode}");
            var after = app.Fingerprint();
            if (!before.SequenceEqual(after)) failures.Add($"POST {url} wrote {DatabaseFingerprint.Difference(before, after)}");
            refused.Add(url);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains($"/Clients/AddNote/{app.C.ClientId}", refused);
        Assert.Contains($"/book/{app.C.BookingSlug}/details", refused);
        Assert.Contains("/Identity/Account/Login", refused);
        Assert.Contains($"/letters/r/{app.C.RefereeToken}", refused);
        Assert.Contains("/book/manage/token/cancel", refused);
        // Only these take posts without a token: the error pages (re-executed for a refused post), and one-click
        // unsubscribe and stopping follow-ups, posted by mail clients (RFC 8058) with a signed token in the address.
        var tokenFree = app.Endpoints().Where(e => e.Metadata.GetMetadata<IAntiforgeryPolicy>() is IgnoreAntiforgeryTokenAttribute)
            .Select(e => e.RoutePattern.RawText).Distinct().Order().ToList();
        Assert.Equal(["Error", "Error/{status:int}", "letters/stop/{token}", "u/{token}"], tokenFree);
    }

    [Fact]
    public async Task Another_consultants_records_are_not_found_on_every_route_with_an_id_and_nothing_changes()
    {
        // The forms as B's own pages show them (seen by an admin), so each post would pass validation for B.
        var forms = await DiscoverFormsAsync(app.AdminSession, app.B);
        var token = await TokenAsync(app.ConsultantA, "/Clients");
        var unmapped = new List<string>();
        var failures = new List<string>();
        var swept = new List<string>();
        var before = app.Fingerprint();

        foreach (var endpoint in app.Endpoints().Where(e => RouteSweepApp.ActionOf(e) is not null && HasEntityId(e)))
        {
            var key = KeyOf(endpoint);
            if (!IdRoutes.TryGetValue(key, out var route)) { unmapped.Add(key); continue; }
            var url = UrlOf(endpoint, app.B);
            foreach (var method in MethodsOf(endpoint))
            {
                if (route.ToAnotherConsultant == Answer.Shared && method != "GET") continue;
                HttpResponseMessage response;
                if (method == "GET") response = await app.ConsultantA.Http.GetAsync(url);
                else
                {
                    var fields = PlausibleForm(key, forms);
                    foreach (var name in fields.Keys.Where(n => n.Equals("ClientId", StringComparison.OrdinalIgnoreCase)).ToList())
                        fields[name] = app.B.ClientId.ToString();
                    fields["ClientId"] = app.B.ClientId.ToString();
                    fields["__RequestVerificationToken"] = token;
                    response = await app.ConsultantA.Http.PostAsync(url, new FormUrlEncodedContent(fields));
                }
                var status = (int)response.StatusCode;
                var ok = route.ToAnotherConsultant switch
                {
                    Answer.NotFound => response.StatusCode == HttpStatusCode.NotFound,
                    Answer.Forbidden => response.StatusCode == HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && PathOf(response.Headers.Location!).StartsWith("/Error/403", StringComparison.Ordinal)),
                    Answer.ListWithoutIt => response.StatusCode == HttpStatusCode.OK && !(await response.Content.ReadAsStringAsync()).Contains(app.B.BookingSlug, StringComparison.Ordinal),
                    Answer.Shared => response.StatusCode == HttpStatusCode.OK,
                    _ => false,
                };
                if (!ok) failures.Add($"{method} {url} ({route.Names}) answered {status} {response.Headers.Location}, expected {route.ToAnotherConsultant}");
                swept.Add($"{method} {KeyOf(endpoint)}");
            }
        }

        Assert.True(unmapped.Count == 0, "Endpoints with an id that the sweep does not know: " + string.Join(", ", unmapped.Distinct()));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var after = app.Fingerprint();
        Assert.True(before.SequenceEqual(after), DatabaseFingerprint.Difference(before, after));
        Assert.Equal(IdRoutes.Keys.Order(), swept.Select(s => s.Split(' ')[1]).Distinct().Order());
        Assert.Contains("POST Calls.Book", swept);
        Assert.Contains("POST Deadlines.Create", swept);
        Assert.Contains("POST Letters.Create", swept);
        Assert.Contains("GET Programs.Edit", swept);
    }

    [Fact]
    public async Task Every_form_survives_empty_huge_markup_and_invalid_input_without_errors_partial_writes_or_raw_markup()
    {
        var pages = await PageUrlsAsync(app.AdminSession, app.C);
        var forms = new List<(string Page, IHtmlFormElement Form)>();
        foreach (var page in pages)
        {
            var document = await GetHtmlAsync(app.AdminSession, page);
            if (document is null) continue;
            forms.AddRange(document.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && Fillable(f).Any())
                .Select(f => (page, f)));
        }

        var failures = new List<string>();
        var posted = 0;
        foreach (var (page, form) in forms)
        {
            foreach (var (variant, fields) in Variants(form))
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!;
                var before = app.Fingerprint(IgnoredForBadInput);
                HttpResponseMessage response;
                try
                {
                    response = await app.AdminSession.Http.PostAsync(action, new FormUrlEncodedContent(fields));
                }
                catch (Exception error)
                {
                    failures.Add($"{variant} POST {action} (form on {page}) threw {error.GetType().Name}: {error.Message}");
                    continue;
                }
                posted++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500) { failures.Add($"{variant} POST {action} (form on {page}) answered {status}"); continue; }
                if (RawMarkup.FirstOrDefault(body.Contains) is { } raw) failures.Add($"{variant} POST {action} echoed {raw} unencoded");
                var refused = status is 400 or 200;
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
                    && await (await app.AdminSession.Http.GetAsync(location)).Content.ReadAsStringAsync() is var next
                    && next.Contains("class=\"alert alert-danger\" role=\"alert\"", StringComparison.Ordinal) && !next.Contains("alert alert-success", StringComparison.Ordinal))
                    refused = true;
                var after = app.Fingerprint(IgnoredForBadInput);
                if (refused && !before.SequenceEqual(after))
                    failures.Add($"{variant} POST {action} was refused ({status}) but wrote {DatabaseFingerprint.Difference(before, after)}");
            }
        }

        // Whatever markup was accepted and stored is shown encoded on every page (lists, dashboard, client page, timeline).
        var encodedSomewhere = false;
        foreach (var session in new[] { app.AdminSession, await BrowserlessSession.SignInAsync(app, app.C.Owner) })
            foreach (var page in await PageUrlsAsync(session, app.C))
            {
                var response = await session.Http.GetAsync(page);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500) failures.Add($"GET {page} answered {(int)response.StatusCode} after the sweep");
                if (RawMarkup.FirstOrDefault(body.Contains) is { } raw) failures.Add($"GET {page} shows {raw} unencoded");
                encodedSomewhere |= body.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal);
            }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(forms.Count >= 25, $"only {forms.Count} forms found");
        Assert.True(posted >= forms.Count * 4);
        Assert.True(encodedSomewhere, "no markup was stored, so its encoding was not checked");
    }

    /// <summary>Failed sign-ins are recorded in the security log on purpose; that is not a partial write.</summary>
    private static readonly string[] IgnoredForBadInput = ["SecurityEvents"];

    private static IEnumerable<(string Variant, Dictionary<string, string> Fields)> Variants(IHtmlFormElement form)
    {
        var fillable = Fillable(form).ToList();
        Dictionary<string, string> Start()
        {
            var fields = new Dictionary<string, string>();
            foreach (var element in form.Elements)
                switch (element)
                {
                    case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                        continue;
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name): fields.TryAdd(input.Name, input.Value); break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name): fields[select.Name] = select.Value ?? ""; break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name): fields[area.Name] = area.Value; break;
                }
            return fields;
        }
        Dictionary<string, string> With(Func<IElement, string?> value)
        {
            var fields = Start();
            foreach (var element in fillable)
                if (value(element) is { } v) fields[element.GetAttribute("name")!] = v;
            return fields;
        }

        yield return ("empty", With(_ => ""));
        yield return ("10,000 characters", With(e => IsText(e) || TypeOf(e) == "email" ? new string('x', 10_000) : null));
        var n = 0;
        yield return ("markup", With(e => IsText(e) && !IsZone(e) ? (n++ % 2 == 0 ? Script : Image) : null));
        yield return ("invalid values", With(e => TypeOf(e) switch
        {
            "date" => "2027-02-30",
            "time" => "25:61",
            "datetime-local" => "2027-13-01T10:00",
            "number" => "-99999999999999999999",
            "email" => "not-an-email",
            "select" => "NotAValue",
            _ when IsZone(e) => "Mars/Olympus_Mons",
            _ => null,
        }));
        yield return ("out-of-range numbers", With(e => TypeOf(e) switch
        {
            "number" => "2147483648",
            "select" => "999999",
            "date" => "0001-01-01",
            _ => null,
        }));
    }

    private static IEnumerable<IElement> Fillable(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && e switch
        {
            IHtmlInputElement input => input.Type is not ("hidden" or "submit" or "button" or "checkbox" or "radio" or "file"),
            IHtmlSelectElement or IHtmlTextAreaElement => true,
            _ => false,
        });

    private static string TypeOf(IElement element) => element switch
    {
        IHtmlInputElement input => input.Type,
        IHtmlSelectElement => "select",
        _ => "textarea",
    };

    private static bool IsText(IElement element) => TypeOf(element) is "text" or "textarea" or "search" or "tel" or "url";

    private static bool IsZone(IElement element) => element.GetAttribute("name")!.Contains("TimeZone", StringComparison.OrdinalIgnoreCase)
        || element.GetAttribute("name") == "tz";

    /// <summary>Every GET page of the app, with the records of <paramref name="caseload"/> in its ids, plus a booking details page.</summary>
    private async Task<List<string>> PageUrlsAsync(BrowserlessSession session, Caseload caseload)
    {
        var urls = app.Endpoints().Where(e => !IsStaticAsset(e) && MethodsOf(e).Contains("GET") && e.RoutePattern.RawText is not ("/health" or "{**path:file}"))
            .Where(e => RouteSweepApp.ActionOf(e) is { } action ? action.ActionName != "Progress" && !action.ActionName.StartsWith("Export", StringComparison.Ordinal) && action.ActionName != "Template" : true)
            .Where(e => !e.RoutePattern.RawText!.Contains("Logout", StringComparison.Ordinal))
            .Select(e => UrlOf(e, caseload)).Distinct().ToList();
        var slots = await GetHtmlAsync(session, $"/book/{caseload.BookingSlug}");
        if (slots?.QuerySelector<IHtmlAnchorElement>("a[href*='/details?']") is { } details) urls.Add(details.GetAttribute("href")!);
        return urls;
    }

    /// <summary>The fields of each form on the pages of <paramref name="caseload"/>, by the endpoint they post to.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> DiscoverFormsAsync(BrowserlessSession session, Caseload caseload)
    {
        var forms = new Dictionary<string, Dictionary<string, string>>();
        foreach (var page in await PageUrlsAsync(session, caseload))
        {
            var document = await GetHtmlAsync(session, page);
            if (document is null) continue;
            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form[method=post]"))
            {
                var segments = (form.GetAttribute("action") ?? page).Split('?')[0].Trim('/').Split('/');
                if (segments.Length < 2) continue;
                var fields = Variants(form).First().Fields;
                foreach (var element in Fillable(form))
                {
                    var name = element.GetAttribute("name")!;
                    fields[name] = element switch
                    {
                        IHtmlSelectElement select => select.Value ?? "",
                        IHtmlInputElement input => input.Value,
                        IHtmlTextAreaElement area => area.Value,
                        _ => "",
                    };
                    if (fields[name] == "") fields[name] = PlausibleValue(element);
                }
                fields.Remove("__RequestVerificationToken");
                forms.TryAdd($"{segments[0]}.{segments[1]}", fields);
            }
        }
        return forms;
    }

    /// <summary>A value the form's validator accepts, for a field the page left empty.</summary>
    private static string PlausibleValue(IElement element) => TypeOf(element) switch
    {
        // The OET date is the day of a result already received, and only goes with one: none.
        "date" when element.GetAttribute("name") == "OetDate" => "",
        "date" => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        "number" when element.HasAttribute("required") => element.GetAttribute("min") ?? "1",
        "time" => "10:00",
        "email" => "plausible@applicant.test",
        "text" when element.GetAttribute("name")! is var name && (name.EndsWith("Name", StringComparison.Ordinal) || name is "Title" or "Institution" or "Place") => "Plausible",
        _ => "",
    };

    /// <summary>The form a page shows for the endpoint, with the small forms' fields for what the page left empty.</summary>
    private Dictionary<string, string> PlausibleForm(string key, Dictionary<string, Dictionary<string, string>> forms)
    {
        var fields = FallbackFields();
        if (forms.TryGetValue(key, out var form))
            foreach (var (name, value) in form.Where(f => f.Value != "" || !fields.ContainsKey(f.Key))) fields[name] = value;
        return fields;
    }

    /// <summary>Fields of the small forms posted from another page, for actions whose form the crawl did not show.</summary>
    /// <remarks>Names match as model binding matches them, ignoring case: a page's own field replaces the fallback of that name.</remarks>
    private Dictionary<string, string> FallbackFields() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = "Completed", ["stage"] = "Applied", ["body"] = "A note", ["notes"] = "Notes", ["role"] = "Admin",
        ["date"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"), ["time"] = "11:00", ["seasonId"] = app.SeasonId.ToString(),
        ["optedOut"] = "true", ["season"] = "ERAS 2028", ["programIds"] = app.ProgramId.ToString(),
        ["applicationIds"] = app.C.ApplicationId.ToString(), ["applicationId"] = app.C.ApplicationId.ToString(), ["action"] = "SetTier",
        ["tier"] = "Target", ["change"] = "Add",
    };

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static async Task<IDocument?> GetHtmlAsync(BrowserlessSession session, string url)
    {
        var response = await session.Http.GetAsync(url);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") return null;
        return await BrowserlessSession.ParseAsync(response);
    }

    private static async Task<string> TokenAsync(BrowserlessSession session, string page) =>
        (await session.GetPageAsync(page)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    private IEnumerable<RouteEndpoint> PostEndpoints() =>
        app.Endpoints().Where(e => !IsStaticAsset(e) && e.Metadata.GetMetadata<IAntiforgeryPolicy>() is not IgnoreAntiforgeryTokenAttribute
            && (RouteSweepApp.ActionOf(e) is not null ? MethodsOf(e).Contains("POST")
                : e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page && page.HandlerMethods.Any(h => h.HttpMethod == "Post")));

    private static bool HasEntityId(RouteEndpoint endpoint) =>
        RouteSweepApp.ActionOf(endpoint)!.Parameters.Any(p =>
            p.Name is "id" or "clientId" || p.ParameterType.GetProperty("ClientId") is not null);

    private static string KeyOf(RouteEndpoint endpoint) =>
        RouteSweepApp.ActionOf(endpoint) is { } action ? $"{action.ControllerName}.{action.ActionName}" : endpoint.RoutePattern.RawText!;

    private static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>
    /// A concrete URL for an endpoint: conventional routes by controller and action with the record its id names
    /// in <paramref name="caseload"/> (and its client as clientId); attribute routes with the caseload's booking
    /// slug, its letter's referee link, and a placeholder for the other tokens.
    /// </summary>
    private string UrlOf(RouteEndpoint endpoint, Caseload caseload)
    {
        var pattern = endpoint.RoutePattern;
        if (RouteSweepApp.ActionOf(endpoint) is { } action && pattern.Parameters.Any(p => p.Name == "controller"))
        {
            var url = $"/{action.ControllerName}/{action.ActionName}";
            if (action.Parameters.Any(p => p.Name == "id") && IdRoutes.TryGetValue(KeyOf(endpoint), out var route))
                url += "/" + app.IdOf(route.Names, caseload);
            if (action.Parameters.Any(p => p.Name == "clientId" || p.ParameterType.GetProperty("ClientId") is not null))
                url += $"?clientId={caseload.ClientId}";
            return url;
        }
        return "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "slug" } => caseload.BookingSlug,
            RoutePatternParameterPart { Name: "status" } => "404",
            RoutePatternParameterPart { Name: "token" } when pattern.RawText!.StartsWith("letters/r/", StringComparison.Ordinal) => caseload.RefereeToken,
            RoutePatternParameterPart parameter => parameter.Name,
            _ => "",
        }))));
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
}
