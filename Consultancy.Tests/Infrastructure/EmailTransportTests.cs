using Consultancy.Application.Common.Interfaces;
using Consultancy.Infrastructure;
using Consultancy.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Consultancy.Tests.Infrastructure;

public sealed class EmailTransportTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task With_an_SMTP_host_configured_mail_goes_over_SMTP()
    {
        using var directory = new TempDirectory();
        var sender = SenderFor(directory, new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "Consultancy <advising@consultancy.test>",
        });

        await using (var connection = await sender.ConnectAsync(CancellationToken.None))
        {
            await connection.SendAsync(new EmailMessage("applicant@applicant.test", "Your ERAS timeline", "Hello", ReplyTo: "maya@consultancy.test",
                MessageKey: "outbox-42", Headers: new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://crm.test/u/abc>" }), CancellationToken.None);
            await connection.SendAsync(new EmailMessage("second@applicant.test", "Second on the same connection", "Hi"), CancellationToken.None);
        }

        var message = await smtp.WaitForAsync(m => m.Subject == "Your ERAS timeline");
        Assert.Equal("advising@consultancy.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("maya@consultancy.test", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("outbox-42@consultancy.test", message.MessageId);
        Assert.Equal("<https://crm.test/u/abc>", message.Headers["List-Unsubscribe"]);
        await smtp.WaitForAsync(m => m.Subject == "Second on the same connection");
        Assert.False(Directory.Exists(directory.File("mail")));
    }

    [Fact]
    public async Task Without_an_SMTP_host_mail_is_written_to_the_pickup_folder()
    {
        using var directory = new TempDirectory();
        var sender = SenderFor(directory, new() { ["Email:PickupDirectory"] = "outbox-folder" });

        await using (var connection = await sender.ConnectAsync(CancellationToken.None))
            await connection.SendAsync(new EmailMessage("applicant@applicant.test", "Picked up", "Body text"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(directory.File("outbox-folder"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Picked up", message.Subject);
        Assert.Equal("Body text", message.TextBody?.Trim());
    }

    private static IEmailTransport SenderFor(TempDirectory directory, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration, directory.Path).BuildServiceProvider();
        return services.GetRequiredService<IEmailTransport>();
    }
}
