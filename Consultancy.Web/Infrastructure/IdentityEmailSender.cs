using System.Text.RegularExpressions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;

namespace Consultancy.Web.Infrastructure;

/// <summary>The Identity UI's own emails (password reset) go through the outbox like every other email.</summary>
internal sealed partial class IdentityEmailSender(IAppDbContext db, TimeProvider clock) : Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var text = Tags().Replace(htmlMessage, "").Replace("&amp;", "&");
        db.OutboxMessages.Add(OutboxMessage.Fixed(OutboxKind.Account, $"account:{Guid.NewGuid():N}", email, subject, text, htmlMessage,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
