using Consultancy.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Email;

/// <summary>The zero-setup transport: each message becomes an .eml file that any mail client opens.</summary>
internal sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, TimeProvider clock) : IEmailTransport
{
    public Task<IEmailConnection> ConnectAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.Value.PickupDirectory);
        return Task.FromResult<IEmailConnection>(new Folder(options.Value, clock));
    }

    private sealed class Folder(EmailOptions settings, TimeProvider clock) : IEmailConnection
    {
        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var mime = MimeMessages.Create(message, settings.From, now);
            var name = $"{now:yyyyMMdd-HHmmss}-{(message.MessageKey ?? Guid.NewGuid().ToString("N"))}.eml";
            await mime.WriteToAsync(Path.Combine(settings.PickupDirectory, name), ct);
            return mime.MessageId ?? "";
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
