using Consultancy.Application.Common.Interfaces;

namespace Consultancy.Web.Infrastructure;

/// <summary>Lets the Identity UI's own emails (password reset) go out through the product's email port.</summary>
internal sealed class IdentityEmailSender(IEmailSender sender) : Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        sender.SendAsync(new EmailMessage(email, subject, System.Text.RegularExpressions.Regex.Replace(htmlMessage, "<[^>]+>", ""), htmlMessage),
            CancellationToken.None);
}
