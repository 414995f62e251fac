using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Consultancy.Tests.Support;

/// <summary>
/// A signed-in (or anonymous) HTTP session against the app that behaves like a browser without scripts:
/// it reads pages, finds forms, and posts them with their antiforgery token.
/// </summary>
public sealed class BrowserlessSession(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<BrowserlessSession> SignInAsync(AppFactory app, TestUser user)
    {
        var session = new BrowserlessSession(app.NewBrowserlessClient());
        var response = await session.SubmitAsync("/Identity/Account/Login", "form#account",
            new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public async Task<IDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/> with all its
    /// current field values, overrides some, and posts it to the form's action.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formSelector, Dictionary<string, string> values) =>
        await SubmitAsync(await GetPageAsync(pageUrl), pageUrl, formSelector, values);

    /// <summary>Posts a form of a page loaded earlier, as a user who kept the page open would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string pageUrl, string formSelector, Dictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Ticks the checkboxes of <paramref name="formSelector"/>'s form with the given values — wherever they sit on the
    /// page, as long as they belong to the form (inside it, or naming it in their form attribute) — and posts the form
    /// with <paramref name="values"/> (e.g. the pressed button's name and value), as a browser posts a ticked selection.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitTickedAsync(IDocument page, string pageUrl, string formSelector, IEnumerable<string> ticked,
        Dictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = FieldsOf(form).ToList();
        var boxes = page.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]")
            .Where(box => box.Form == form && !string.IsNullOrEmpty(box.Name)).ToList();
        foreach (var value in ticked)
        {
            var box = boxes.FirstOrDefault(b => b.Value == value) ?? throw new InvalidOperationException($"No checkbox of '{formSelector}' with the value {value} on {pageUrl}");
            fields.Add(new(box.Name!, value));
        }
        fields.AddRange(values);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts fields to a URL with an antiforgery token taken from any form on <paramref name="tokenPageUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, string tokenPageUrl, Dictionary<string, string> values)
    {
        var page = await GetPageAsync(tokenPageUrl);
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPageUrl}");
        return await Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The fields a browser would post: each ticked box (several of one name make a list), any other field once.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Set(string name, string value)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement { Type: "checkbox" } box when !string.IsNullOrEmpty(box.Name):
                    fields.Add(new(box.Name, box.Value));
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (fields.All(f => f.Key != input.Name)) fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    Set(select.Name, select.Value ?? "");
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    Set(area.Name, area.Value);
                    break;
            }
        }
        return fields;
    }
}
