// The pwsh entry point, as PowerShell's own host has it.
return Microsoft.PowerShell.UnmanagedPSEntry.Start(args, args.Length);
