using Consultancy.Application.Domain;
using Consultancy.Application.Letters;

namespace Consultancy.Tests.Support;

/// <summary>Valid letter forms; tests change only what they are about.</summary>
public static class LetterBuilder
{
    private static int _next;

    public static AddLetter NewLetter(int clientId, DateOnly dueDate, string refereeName = "Dr. Sarah Klein",
        LetterSystem system = LetterSystem.ERAS, string specialty = "Internal Medicine", bool usCanadianPhysician = true)
    {
        var n = Interlocked.Increment(ref _next);
        return new AddLetter
        {
            ClientId = clientId,
            RefereeName = refereeName,
            RefereeEmail = $"referee{n}@hospital.test",
            RefereeTitle = "Associate Professor of Medicine",
            Institution = "Cleveland Clinic",
            Location = "Cleveland, USA",
            IsUsCanadianPhysician = usCanadianPhysician,
            Relationship = "Supervisor on a US internal medicine rotation, Jun–Jul 2026",
            Specialty = specialty,
            System = system,
            DueDate = dueDate,
            ErasLetterId = system == LetterSystem.ERAS ? $"L{n:D6}" : null,
        };
    }
}
