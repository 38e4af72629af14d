import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: shows a Chinese message and keeps the data untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled UI error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="fatal">
          <h1>程序出了点问题</h1>
          <p>已保存的记录不受影响，正在填写的内容已自动保存为草稿。请点击下面的按钮重新载入。</p>
          <button type="button" onClick={() => location.reload()}>
            重新载入
          </button>
          <details>
            <summary>技术信息</summary>
            <pre>{this.state.error.message}</pre>
          </details>
        </div>
      );
    }
    return this.props.children;
  }
}
