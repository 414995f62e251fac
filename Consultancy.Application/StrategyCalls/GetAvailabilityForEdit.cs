using System.Text.RegularExpressions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.StrategyCalls;

/// <summary>The form for a consultant's booking settings, filled from what is saved (or sensible defaults).</summary>
public sealed record GetAvailabilityForEdit(string? ConsultantId) : IRequest<UpdateAvailability>;

internal sealed class GetAvailabilityForEditHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<GetAvailabilityForEdit, UpdateAvailability>
{
    public async Task<UpdateAvailability> Handle(GetAvailabilityForEdit request, CancellationToken ct)
    {
        var profile = await db.EditableProfileAsync(user, request.ConsultantId, ct);
        var saved = await db.ConsultantAvailabilities.AsNoTracking().SingleOrDefaultAsync(a => a.ConsultantId == profile.Id, ct);
        var form = new UpdateAvailability
        {
            ConsultantId = profile.Id,
            ConsultantName = profile.DisplayName,
            ConsultantTimeZone = profile.TimeZoneId,
            PublicName = saved?.PublicName ?? profile.DisplayName,
            Slug = saved?.Slug ?? AvailabilityAccess.SlugFor(profile.DisplayName),
            MeetingLink = saved?.MeetingLink,
            IsBookable = saved?.IsBookable ?? false,
            CallMinutes = saved?.CallMinutes ?? ConsultantAvailability.DefaultCallMinutes,
            BufferMinutes = saved?.BufferMinutes ?? 0,
            MinimumNoticeHours = saved?.MinimumNoticeHours ?? ConsultantAvailability.DefaultMinimumNoticeHours,
            HorizonDays = saved?.HorizonDays ?? ConsultantAvailability.DefaultHorizonDays,
            Overrides = saved is null ? null : AvailabilityText.FormatOverrides(saved.Overrides),
            TimeOff = saved is null ? null : AvailabilityText.FormatTimeOff(saved.TimeOff),
        };
        foreach (var day in UpdateAvailability.Week)
            form.SetHoursOn(day, saved is null
                ? (day is DayOfWeek.Saturday or DayOfWeek.Sunday ? "" : "09:00-12:00, 13:00-17:00")
                : AvailabilityText.FormatRanges(saved.Weekly.Where(w => w.Day == day).Select(w => new TimeRange(w.Start, w.End))));
        return form;
    }
}
