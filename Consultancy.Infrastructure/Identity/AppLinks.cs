using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Identity;

/// <summary>Absolute links for emails and calendar apps, always from <c>App:BaseUrl</c> (see <see cref="AppOptions.BaseUrl"/>).</summary>
public sealed class AppLinks(IOptions<AppOptions> options) : IAppLinks
{
    public string Absolute(string pathAndQuery) => options.Value.BaseUrl.TrimEnd('/') + pathAndQuery;
}
