using System.Text.RegularExpressions;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

internal static class AvailabilityAccess
{
    /// <summary>Whose settings the user may open: their own, or (admins) any active staff member's.</summary>
    public static async Task<UserProfile> EditableProfileAsync(this IAppDbContext db, ICurrentUser user, string? consultantId, CancellationToken ct)
    {
        var me = user.UserId ?? throw new ForbiddenException("Sign in to edit availability.");
        var id = string.IsNullOrEmpty(consultantId) ? me : consultantId;
        if (id != me && !user.IsAdmin) throw new ForbiddenException("Only admins edit another consultant's availability.");
        return await db.UserProfiles.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Consultant", id);
    }

    public static string SlugFor(string name)
    {
        var slug = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "consultant" : slug.Length > 60 ? slug[..60].Trim('-') : slug;
    }
}
