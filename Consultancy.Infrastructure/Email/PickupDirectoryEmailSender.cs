using Consultancy.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Email;

/// <summary>The zero-setup sender: each message becomes an .eml file that any mail client opens.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var now = clock.GetUtcNow();
        var path = Path.Combine(settings.PickupDirectory, $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await MimeMessages.Create(message, settings.From, now).WriteToAsync(path, ct);
    }
}
