using System.Net.Http.Headers;

namespace Consultancy.Benchmarks.Soak;

/// <summary>
/// Keeps a session's cookies the way a browser does for a loopback address. The app marks its cookies Secure
/// outside Development, and .NET's cookie container never sends those over plain http, while browsers treat
/// 127.0.0.1 as a secure origin and do.
/// </summary>
internal sealed class LoopbackCookies() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        lock (_cookies)
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            lock (_cookies)
                foreach (var setCookie in setCookies) Keep(setCookie);
        return response;
    }

    private void Keep(string setCookie)
    {
        var pair = setCookie.Split(';', 2)[0];
        var equals = pair.IndexOf('=');
        if (equals <= 0) return;
        var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
        // Signing out or a chunked cookie shrinking deletes a cookie by expiring it.
        if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
        else _cookies[name] = value;
    }
}
