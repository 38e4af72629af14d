/**
 * One ECharts chart: drawn into a canvas, resized with its box, redrawn when its option
 * or the fonts change, and saved as a PNG through the bridge (a save dialog on the
 * desktop, a download in the browser). The numbers are in the table beside it; the chart
 * itself is an image with a name.
 */
import { useEffect, useRef, useState } from 'react';
import { bridge, isDesktop } from '../../bridge';
import { auditRepo, getDb } from '../../db';
import { echarts, type ChartOption, type ECharts } from './echarts';
import { T } from './strings';

/** `fileName` is offered by the desktop save dialog; the browser flavour downloads under `asciiName` (Chromium on Linux drops non-ASCII download names). */
export function Chart({ title, option, fileName, asciiName, fontsReady, height = 300 }: { title: string; option: ChartOption; fileName: string; asciiName: string; fontsReady: boolean; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Twice the pixels: the canvas prints on A4 and is saved as a picture.
    const c = echarts.init(el, undefined, { renderer: 'canvas', devicePixelRatio: 2 });
    chart.current = c;
    // Not while printing: the print layout shrinks the box to the chart, and a resize then
    // would draw it at nothing; the drawn canvas is scaled for paper by CSS instead.
    const printing = window.matchMedia('print');
    const observer = new ResizeObserver(() => {
      if (!printing.matches) c.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...option, aria: { enabled: false } }, { notMerge: true });
  }, [option, fontsReady]);

  async function savePng() {
    const c = chart.current;
    if (!c) return;
    setMessage('');
    try {
      const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      const result = await bridge.files.save({ kind: 'png', suggestedName: isDesktop ? fileName : asciiName, base64: url.slice(url.indexOf(',') + 1) });
      if (result.outcome === 'saved') {
        setMessage(T.pngSaved(result.fileName));
        await auditRepo.recordAccess(getDb(), 'exported', { entity: 'chart', id: fileName }, { fileName: result.fileName });
      } else if (result.outcome === 'failed') setMessage(T.saveFailed + result.message);
    } catch (error) {
      console.error('Saving a chart failed', error);
      setMessage(T.saveFailed + String(error));
    }
  }

  return (
    <div className="stats-chart">
      <div ref={box} className="stats-chart-canvas" style={{ height }} role="img" aria-label={T.chartOf(title)} />
      <div className="stats-chart-actions no-print">
        <button type="button" onClick={() => void savePng()} aria-label={`${T.savePng}：${title}`}>
          {T.savePng}
        </button>
        {message ? (
          <span role="status" className="muted">
            {message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
