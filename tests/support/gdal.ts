import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** GDAL from Debian's gdal-bin, driven as a GIS user would: the tests of interoperability share this. */
const run = promisify(execFile);

export const GDAL_INSTALL_HINT = 'install GDAL with `apt-get install -y gdal-bin` (Debian) so that ogrinfo and ogr2ogr are on the PATH';

// A proxy set for the outside world must not intercept GDAL's requests to the local server.
const GDAL_ENV = { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };

export async function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(tool, args, { env: GDAL_ENV, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(' ')} failed:\n${stderr ?? ''}${stdout ?? ''}`, { cause: error });
  }
}

/** `ogrinfo --version`'s answer, or null when GDAL (ogrinfo and ogr2ogr) is not installed. */
export async function gdalVersion(): Promise<string | null> {
  const version = await run('ogrinfo', ['--version']).then(
    ({ stdout }) => stdout.trim(),
    () => null,
  );
  const hasOgr2ogr = await run('ogr2ogr', ['--version']).then(
    () => true,
    () => false,
  );
  return version && hasOgr2ogr ? version : null;
}
