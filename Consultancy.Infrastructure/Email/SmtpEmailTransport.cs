using System.Net.Sockets;
using Consultancy.Application.Common.Interfaces;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Consultancy.Infrastructure.Email;

internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options, TimeProvider clock) : IEmailTransport
{
    public async Task<IEmailConnection> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.SocketOptions, ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            return new Connection(client, settings.From, clock);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            client.Dispose();
            throw Classify(error);
        }
    }

    /// <summary>5xx replies are permanent (never retried); everything else — 4xx, network, timeouts — is worth retrying.</summary>
    internal static EmailDeliveryException Classify(Exception error) => error switch
    {
        EmailDeliveryException delivery => delivery,
        SmtpCommandException command => new EmailDeliveryException(
            $"SMTP {(int)command.StatusCode}: {command.Message}", permanent: (int)command.StatusCode >= 500, command),
        AuthenticationException auth => new EmailDeliveryException($"SMTP authentication failed: {auth.Message}", permanent: false, auth),
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException =>
            new EmailDeliveryException($"SMTP connection problem: {error.Message}", permanent: false, error),
        _ => new EmailDeliveryException(error.Message, permanent: false, error),
    };

    private sealed class Connection(SmtpClient client, string from, TimeProvider clock) : IEmailConnection
    {
        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            var mime = MimeMessages.Create(message, from, clock.GetUtcNow());
            try
            {
                await client.SendAsync(mime, ct);
                return mime.MessageId ?? "";
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                throw Classify(error);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception error) when (error is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The connection is being thrown away; a failed QUIT changes nothing that was sent.
            }
            client.Dispose();
        }
    }
}
